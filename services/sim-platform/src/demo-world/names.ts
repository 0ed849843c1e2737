/**
 * Fictional Indonesian names. First names carry the gender the NIP's gender digit must match;
 * family names are split where they are gendered (Rahmawati, Saputra) and shared where not.
 */
export type Gender = 'male' | 'female';

export const firstNames: Record<Gender, readonly string[]> = {
  male: ['Agus', 'Bambang', 'Dedi', 'Eko', 'Fajar', 'Hendra', 'Irfan', 'Joko', 'Rizky', 'Taufik', 'Yoga', 'Arif', 'Slamet', 'Bayu', 'Rudi', 'Gilang', 'Hasan', 'Doni', 'Andi', 'Teguh'],
  female: ['Ayu', 'Dewi', 'Fitri', 'Indah', 'Lestari', 'Nurul', 'Putri', 'Rina', 'Sari', 'Wulan', 'Yuni', 'Siti', 'Ratna', 'Mega', 'Anisa', 'Dian', 'Novi', 'Endah', 'Ratih', 'Kartika'],
};

export const familyNames: Record<Gender | 'any', readonly string[]> = {
  male: ['Setiawan', 'Santoso', 'Pratama', 'Wibowo', 'Saputra', 'Nugroho', 'Kurniawan', 'Prasetyo', 'Purnomo', 'Firmansyah', 'Hakim', 'Gunawan'],
  female: ['Rahmawati', 'Handayani', 'Susanti', 'Wijayanti', 'Sulistyowati', 'Utami', 'Permatasari', 'Maharani', 'Anggraini', 'Puspitasari'],
  any: ['Kusuma', 'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Tanjung', 'Sitompul', 'Hutapea', 'Wardhana', 'Hidayat'],
};
