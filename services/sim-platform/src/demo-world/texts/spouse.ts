import type { CandidateSlots, LabelledText } from './types.js';

/**
 * Posts of an ASN married to a Pilkada candidate. Accompanying the spouse at KPU registration and
 * the public introduction, and photos with the spouse, are allowed (seeds 000, 004); gestures,
 * numbers and appeals are not.
 */
export const spouseAtRegistration = (): LabelledText => ({
  text: 'Mendampingi suami mendaftar ke KPU Provinsi DKI Jakarta hari ini. Mohon doanya semoga lancar 🙏',
  codes: [],
  media: ['Saya berdiri di samping suami di depan kantor KPU DKI Jakarta saat pendaftaran pasangan calon.'],
  note: 'allowed exception: accompanying a candidate spouse at KPU registration',
});

export const spouseAtIntroduction = (): LabelledText => ({
  text: 'Hadir mendampingi suami di acara pengenalan pasangan calon kepada masyarakat. Terima kasih warga yg sudah datang',
  codes: [],
  media: ['Foto bersama suami di panggung acara pengenalan pasangan calon, tanpa atribut.'],
  note: 'allowed exception: public introduction of a candidate spouse',
});

export const spouseOnLeave = (): LabelledText => ({
  text: 'Mulai besok sy ambil cuti di luar tanggungan negara dulu, mau mendampingi suami selama masa kampanye. Kerjaan sdh diserahterimakan ya rekan2',
  codes: [],
  note: 'allowed: campaign accompaniment on unpaid leave',
});

export const spouseAppeal = (s: CandidateSlots): LabelledText => ({
  text: `Ayo dukung suami saya, coblos nomor ${s.n} tgl ${s.voteDay}! ${s.finger}`,
  codes: ['number_symbol', 'mobilization', 'campaign_content'],
  note: 'the spouse exception does not cover ballot numbers, gestures or appeals',
});
