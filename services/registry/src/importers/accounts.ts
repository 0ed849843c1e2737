import { reject } from '../rejection.js';
import { accountKey, type AccountHolder, type AccountOwner, type RegistryRepository } from '../registry-repository.js';
import type { AccountRef } from '../validate/fields.js';

/**
 * Registers platform:handle for its owner. An account already registered to the same owner is
 * left as it is (its poll state included); one registered to anybody else rejects the row.
 * @returns whether the account was newly registered
 */
export async function registerAccount(repository: RegistryRepository, account: AccountRef, owner: AccountOwner): Promise<boolean> {
  const holder = (await repository.accountHolders([account])).get(accountKey(account));
  if (!holder) {
    await repository.insertAccount(account, owner);
    return true;
  }
  const sameOwner =
    'civilServantId' in owner ? holder.civil_servant_id === owner.civilServantId : holder.candidate_id === owner.candidateId;
  return sameOwner ? false : reject(duplicateHandle(account, holder));
}

/** Why an account can't be registered to a new owner: it names the one who holds it. */
export function duplicateHandle(account: AccountRef, holder: Pick<AccountHolder, 'nip' | 'candidate_label' | 'election_code'>): string {
  const holderName =
    holder.nip !== null ? `civil servant NIP ${holder.nip}` : `candidate "${holder.candidate_label}" of ${holder.election_code}`;
  return `duplicate handle: ${accountKey(account)} already belongs to ${holderName}`;
}
