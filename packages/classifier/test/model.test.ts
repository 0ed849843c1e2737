import { describe, expect, it } from 'vitest';
import { defaultData, createClassifier, trainModel, type LabelledExample, type ModelData } from '../src/index.js';
import { fitCalibration, calibratedScore } from '../src/model/calibration.js';
import { naiveBayesParameters, trainNaturalBayes } from '../src/model/naive-bayes.js';
import { createModelScorer } from '../src/model/score-model.js';
import { classify, testDirectory } from './fixtures.js';

const post = (id: string, text: string, codes: LabelledExample['expectedCodes'] = []): LabelledExample => ({
  id,
  input: { text, kind: 'post' },
  expectedCodes: codes,
  source: 'test',
});

const tinyCorpus: LabelledExample[] = [
  post('p1', 'Ayo coblos 02 menang satu putaran #PrabowoGibran', ['number_symbol']),
  post('p2', 'Dukung Anies sampai menang! #AMIN', ['campaign_content']),
  post('p3', 'Ganjar pasti menang, dukung terus', ['campaign_content']),
  post('p4', 'Mas Pram menang, Jakarta senang', ['campaign_content']),
  post('p5', 'Pilih Prabowo, lanjutkan!', ['campaign_content']),
  post('n1', 'Rapat evaluasi di lantai 2 jam 9 pagi'),
  post('n2', 'ASN wajib netral, dilarang dukung paslon. Bawaslu mengawasi'),
  post('n3', 'Hujan deras, jalan ke kantor banjir'),
  post('n4', 'Selamat pagi, jangan lupa sarapan'),
  post('n5', 'Juara 2 lomba kebersihan kantor, menang hadiah'),
];

describe('naive Bayes from natural, scored sparsely', () => {
  const docs = [
    { features: ['w:coblos', 'w:menang', '@cand'], partisan: true },
    { features: ['w:dukung', '@cand'], partisan: true },
    { features: ['w:rapat', 'w:lantai'], partisan: false },
    { features: ['w:netral', 'w:dukung'], partisan: false },
    { features: ['w:menang', 'w:lomba'], partisan: false },
  ];
  const bayes = trainNaturalBayes(docs);
  const score = createModelScorer(naiveBayesParameters(bayes));
  const asFeatures = (names: string[]) => names.map((name) => ({ name, start: 0, end: 0, source: 'text' as const }));

  it.each([[['w:coblos', '@cand']], [['w:rapat', 'w:menang']], [['w:dukung', 'w:unknown']], [[]]])(
    'gives the log-odds natural computes over its whole vocabulary: %j',
    (names) => {
      const byLabel = Object.fromEntries(bayes.getClassifications(names).map((c) => [c.label, c.value]));
      expect(score(asFeatures(names)).logOdds).toBeCloseTo(Math.log(byLabel['partisan']! / byLabel['neutral']!), 3);
    },
  );

  it('ranks the features a post has by how much they weigh towards partisan', () => {
    const { contributions } = score(asFeatures(['w:rapat', '@cand', 'w:unknown']));
    expect(contributions.map((c) => c.feature.name)).toEqual(['@cand', 'w:rapat']);
  });
});

describe('calibration', () => {
  it('learns that both the rules and the model raise the combined score, and stays a probability', () => {
    const samples = [
      ...Array.from({ length: 20 }, (_, i) => ({ ruleScore: 0.9, logOdds: 3 + (i % 3), partisan: i % 10 !== 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ ruleScore: 0.1, logOdds: -3 - (i % 3), partisan: i % 10 === 0 })),
      ...Array.from({ length: 10 }, (_, i) => ({ ruleScore: 0.1, logOdds: 4, partisan: i % 2 === 0 })),
    ];
    const calibration = fitCalibration(samples);
    expect(calibration.rule).toBeGreaterThan(0);
    expect(calibration.model).toBeGreaterThan(0);
    const high = calibratedScore({ ruleScore: 0.95, logOdds: 5 }, calibration);
    const low = calibratedScore({ ruleScore: 0, logOdds: -10 }, calibration);
    expect(high).toBeGreaterThan(0.5);
    expect(high).toBeLessThan(1);
    expect(low).toBeLessThan(0.5);
    expect(low).toBeGreaterThan(0);
  });
});

describe('training and the classifier version', () => {
  const directory = testDirectory();

  it('is deterministic: the same corpus gives the same model', () => {
    expect(trainModel(tinyCorpus, { directory, folds: 2, minDocumentFrequency: 1 })).toEqual(trainModel(tinyCorpus, { directory, folds: 2, minDocumentFrequency: 1 }));
  });

  it('names the new model in the classifier version after retraining on reviewers\' decisions', () => {
    const before = trainModel(tinyCorpus, { directory, folds: 2, minDocumentFrequency: 1 });
    const feedback = [post('review-1', 'Gas terus Kang Emil, pasti menang!', ['campaign_content']), post('review-2', 'Menang lomba voli antar dinas')];
    const after = trainModel([...tinyCorpus, ...feedback], { directory, folds: 2, minDocumentFrequency: 1 });
    expect(after.version).toMatch(/^nb-[0-9a-f]{8}$/);
    expect(after.version).not.toBe(before.version);
    expect(after.trainedOn).toMatchObject({ examples: 12, partisan: 6, neutral: 6, sources: { test: 12 } });
    const versionWith = (model: ModelData) => createClassifier({ directory, data: { ...defaultData, model } }).version;
    expect(versionWith(after)).toContain(`+${after.version}+`);
    expect(versionWith(after)).not.toBe(versionWith(before));
  });

  it('replaces candidate names with one placeholder, so the model learns how people support, not whom', () => {
    const model = trainModel(tinyCorpus, { directory, folds: 2, minDocumentFrequency: 1 });
    expect(Object.keys(model.weights)).toContain('@cand');
    expect(Object.keys(model.weights).some((f) => /prabowo|anies|ganjar/.test(f))).toBe(false);
  });
});

describe('rules and the committed model combined', () => {
  /** A model that reads 'idola' as strongly partisan, which no rule does: what a model-only flag looks like. */
  const eager: ModelData = { ...defaultData.model!, weights: { ...defaultData.model!.weights, 'w:idola': 12 } };
  const eagerClassifier = createClassifier({ directory: testDirectory(), data: { ...defaultData, model: eager } });

  it('reports one calibrated score and what the model read, on every result', () => {
    const result = classify('Ayo coblos 02 ✌️ #PrabowoGibran');
    expect(result.model?.version).toBe(defaultData.model!.version);
    expect(result.model?.towardsPartisan.length).toBeGreaterThan(0);
    expect(result.score).toBeGreaterThan(0.5);
    expect(classify('Rapat koordinasi di lantai 2 jam 9 pagi').score).toBeLessThan(0.1);
  });

  it('lets a confident model flag a post that names a candidate, with its words as evidence', () => {
    const result = eagerClassifier.classify({ text: 'Idola kami Mas Pram', kind: 'post', regionCode: '31' });
    expect(result.codes).toEqual(['campaign_content']);
    const [evidence] = result.evidence;
    expect(evidence?.note).toMatch(/model terlatih nb-/);
    expect(evidence?.matchedText).toContain('Idola');
    expect(evidence?.rule).toMatch(/SKB 2022/);
  });

  it('does not let the model alone flag text without a candidate, neutrality talk, or against the spouse exception', () => {
    expect(eagerClassifier.classify({ text: 'Idola kami rapat jam 9', kind: 'post' }).flagged).toBe(false);
    const neutrality = eagerClassifier.classify({ text: 'Idola kami ASN wajib netral, jangan dukung Mas Pram', kind: 'post', regionCode: '31' });
    expect(neutrality.flagged).toBe(false);
    expect(neutrality.model?.note).toMatch(/netralitas/);
    const spouse = eagerClassifier.classify({ text: 'Idola kami, mendampingi Mas Pram daftar ke KPU', kind: 'post', regionCode: '31', spouseCandidateLabel: 'Pramono–Rano' });
    expect(spouse.flagged).toBe(false);
    expect(spouse.exception).toMatch(/Pasangan calon/);
  });

  it('judges a like by the liked post: a candidate\'s campaign post is support, a ministry notice is not', () => {
    const like = (targetText: string, targetAuthorIsCandidate: boolean) => classify('', { kind: 'like', targetText, targetAuthorIsCandidate });
    expect(like('Bersama Prabowo-Gibran, coblos nomor 2! #PrabowoGibran', true).codes).toContain('support_like');
    expect(like('Kementerian PANRB: pendaftaran PPPK dibuka 1 Oktober melalui SSCASN.', false).flagged).toBe(false);
  });
});
