/**
 * Indonesia's 38 provinces as a tile grid map: one equal square each, placed roughly where the
 * province lies (west to east in columns, north to south in rows). A tile map needs no licensed
 * geodata and gives Jakarta as much room as Papua, which is what counts of flags want.
 * Codes are Kemendagri's; `short` is the common abbreviation shown in the tile.
 */
export interface ProvinceTile {
  code: string;
  short: string;
  column: number;
  row: number;
}

export const provinceTiles: readonly ProvinceTile[] = [
  { code: '11', short: 'ACEH', column: 1, row: 1 },
  { code: '12', short: 'SUMUT', column: 2, row: 2 },
  { code: '14', short: 'RIAU', column: 3, row: 2 },
  { code: '21', short: 'KEPRI', column: 4, row: 1 },
  { code: '13', short: 'SUMBAR', column: 2, row: 3 },
  { code: '15', short: 'JAMBI', column: 3, row: 3 },
  { code: '17', short: 'BKL', column: 2, row: 4 },
  { code: '16', short: 'SUMSEL', column: 3, row: 4 },
  { code: '19', short: 'BABEL', column: 4, row: 4 },
  { code: '18', short: 'LPG', column: 3, row: 5 },
  { code: '31', short: 'DKI', column: 5, row: 5 },
  { code: '36', short: 'BTN', column: 4, row: 6 },
  { code: '32', short: 'JABAR', column: 5, row: 6 },
  { code: '33', short: 'JATENG', column: 6, row: 6 },
  { code: '34', short: 'DIY', column: 6, row: 7 },
  { code: '35', short: 'JATIM', column: 7, row: 6 },
  { code: '51', short: 'BALI', column: 8, row: 6 },
  { code: '52', short: 'NTB', column: 9, row: 6 },
  { code: '53', short: 'NTT', column: 10, row: 6 },
  { code: '61', short: 'KALBAR', column: 6, row: 3 },
  { code: '65', short: 'KALTARA', column: 8, row: 2 },
  { code: '62', short: 'KALTENG', column: 7, row: 3 },
  { code: '64', short: 'KALTIM', column: 8, row: 3 },
  { code: '63', short: 'KALSEL', column: 7, row: 4 },
  { code: '76', short: 'SULBAR', column: 9, row: 4 },
  { code: '75', short: 'GTLO', column: 10, row: 2 },
  { code: '71', short: 'SULUT', column: 11, row: 2 },
  { code: '72', short: 'SULTENG', column: 10, row: 3 },
  { code: '73', short: 'SULSEL', column: 9, row: 5 },
  { code: '74', short: 'SULTRA', column: 10, row: 5 },
  { code: '82', short: 'MALUT', column: 12, row: 2 },
  { code: '81', short: 'MALUKU', column: 12, row: 4 },
  { code: '96', short: 'PBD', column: 13, row: 3 },
  { code: '92', short: 'PABAR', column: 14, row: 3 },
  { code: '94', short: 'PATENG', column: 15, row: 4 },
  { code: '91', short: 'PAPUA', column: 16, row: 3 },
  { code: '95', short: 'PAPEG', column: 16, row: 4 },
  { code: '93', short: 'PASEL', column: 16, row: 5 },
];
