import { reject } from '../rejection.js';
import type { AccountOwner, RegistryRepository } from '../registry-repository.js';
import type { AccountRef } from '../validate/fields.js';

/**
 * Registers platform:handle for its owner. An account already registered to the same owner is
 * left as it is (its poll state included); one registered to anybody else rejects the row.
 * @returns whether the account was newly registered
 */
export async function registerAccount(repository: RegistryRepository, account: AccountRef, owner: AccountOwner): Promise<boolean> {
  const holder = await repository.accountHolder(account);
  if (!holder) {
    await repository.insertAccount(account, owner);
    return true;
  }
  const sameOwner =
    'civilServantId' in owner ? holder.civil_servant_id === owner.civilServantId : holder.candidate_id === owner.candidateId;
  if (sameOwner) return false;
  const holderName =
    holder.nip !== null ? `civil servant NIP ${holder.nip}` : `candidate "${holder.candidate_label}" of ${holder.election_code}`;
  return reject(`duplicate handle: ${account.platform}:${account.handle} already belongs to ${holderName}`);
}
