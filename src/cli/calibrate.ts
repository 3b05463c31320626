/**
 * `npm run calibrate`: chooses the fusion weights and fits the decision to answer, on the eval's
 * dev split only (the held-out split gates and is never read here), and writes them to
 * src/retrieval/data/retrieval-calibration.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPipeline } from '../answer/create-pipeline.js';
import type { Turn } from '../answer/types.js';
import { parseConfig } from '../core/config.js';
import { loadSuite, suiteSchema, type SuiteCase } from '../eval/load-suite.js';
import { resolveGold } from '../eval/resolve-gold.js';
import { toTurn } from '../eval/run-eval.js';
import { withQueryCache } from '../embeddings/query-cache.js';
import { fitLogistic, answerProbability, parseDecisionFile, topicProbability, type DecisionFile, type DecisionModel, type DecisionSignals } from '../retrieval/decision-model.js';
import { englishSearchTerms, MIN_TRANSLATED_SHARE_FOR_HIGH } from '../retrieval/english-search-terms.js';
import { nothingMatches } from '../retrieval/stages/decision-signals.js';
import { DEFAULT_TUNING, type RetrievalMode, type RetrievalTuning } from '../retrieval/hybrid-retriever.js';
import { chooseThresholds, MIN_COVERAGE_FOR_HIGH } from '../eval/choose-thresholds.js';
import { chooseOutOfCorpusWeight } from '../eval/choose-out-of-corpus-weight.js';
import { loadRuntime, type Runtime } from './load-runtime.node.js';

const OUT = 'src/retrieval/data/retrieval-calibration.json';
const FEATURES: Record<'hybrid' | 'lexical', DecisionModel['features']> = {
  hybrid: ['sentence', 'point', 'coverage', 'focus', 'unknown', 'margin', 'slot'],
  lexical: ['coverage', 'focus', 'unknown', 'margin', 'slot'],
};

interface Row {
  c: SuiteCase;
  signals?: DecisionSignals;
  /** 1: answerable and the first ranked point is a gold point. */
  label: 0 | 1;
  /** A rule keeps it from the high tier (a figure or date asked and none in the point; an English question too little of which translated). */
  neverHigh: boolean;
  /** An English question searched in the Chinese terms it translated to. */
  translated: boolean;
}

const MODES = ['hybrid', 'lexical'] as const;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { suite: { type: 'string', default: 'evals/suite.json' }, out: { type: 'string', default: OUT }, modes: { type: 'string', default: MODES.join(',') } } });
  // "--modes lexical": refits that mode's decision alone; the other mode's model, and the fusion weights unless hybrid is
  // refitted, are kept from the file at --out as it is.
  const modes = values.modes.split(',').map((m) => m.trim());
  const unknown = modes.filter((m) => !(MODES as readonly string[]).includes(m));
  if (unknown.length > 0 || modes.length === 0) {
    console.error(`calibrate: --modes takes ${MODES.join(', ')} (comma-separated); got ${values.modes}`);
    return 2;
  }
  const refit = MODES.filter((m) => modes.includes(m));
  const kept = refit.length < MODES.length ? parseDecisionFile(JSON.parse(readFileSync(values.out, 'utf8'))) : undefined;
  const config = parseConfig(process.env);
  const dev = loadSuite(suiteSchema.parse(JSON.parse(readFileSync(values.suite, 'utf8'))), (p) => readFileSync(p, 'utf8')).filter((c) => c.split === 'dev');
  const runtime = await loadRuntime({ modelDir: config.MODEL_DIR, indexDir: config.INDEX_DIR, seedsDir: config.SEEDS_DIR, ocr: config.OCR });
  const embedder = withQueryCache(runtime.embedder, { maxEntries: 10_000 });
  const parts = { corpus: runtime.corpus, bm25: runtime.bm25, embedder, vectors: runtime.index.vectors, sentenceVectors: runtime.index.sentenceVectors };
  console.error(`calibrate: ${dev.length} dev cases from ${values.suite}`);

  // 1. Fusion weights (they weigh hybrid retrieval only): the grid point with the best mean reciprocal rank of the gold point.
  let best = { lexicalShare: DEFAULT_TUNING.lexicalShare, sentenceWeight: DEFAULT_TUNING.sentenceWeight, mrr: -1 };
  if (kept && !refit.includes('hybrid')) best = { ...kept.fusion, mrr: Number((kept.dev as { fusionMrr?: number } | undefined)?.fusionMrr ?? -1) };
  else {
    for (const lexicalShare of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9]) {
      for (const sentenceWeight of [0, 0.25, 0.5, 0.6, 0.75, 1]) {
        const rows = await collect(runtime, parts, dev, 'hybrid', { ...DEFAULT_TUNING, lexicalShare, sentenceWeight });
        const mrr = rows.reduce((s, r) => s + r.rr, 0) / rows.length;
        if (mrr > best.mrr + 1e-9) best = { lexicalShare, sentenceWeight, mrr };
      }
    }
    console.error(`fusion: lexicalShare ${best.lexicalShare}, sentenceWeight ${best.sentenceWeight} (dev MRR ${best.mrr.toFixed(3)})`);
  }
  const fusion = { lexicalShare: best.lexicalShare, sentenceWeight: best.sentenceWeight };

  // 2. Decision models per mode, on the signals of the first ranked point.
  const models = { ...kept?.models } as DecisionFile['models'];
  const report: Record<string, unknown> = { ...kept?.dev, fusionMrr: round(best.mrr) };
  for (const mode of refit) {
    const rows = (await collect(runtime, parts, dev, mode, { ...DEFAULT_TUNING, ...fusion })).filter((r): r is Row & { rr: number; signals: DecisionSignals } => r.signals !== undefined);
    // The model is fitted on the questions searched as asked; translated (English) questions, whose
    // signals are those of the Chinese terms they translated to, are decided by the same model
    // against a threshold of their own, so a change to the translation never moves the Chinese decision.
    const asked = rows.filter((r) => !r.translated);
    // How much an out-of-corpus question weighs in the fit, chosen by cross-validation within dev.
    const choice = chooseOutOfCorpusWeight(asked, (train) => {
      const model = { ...fitLogistic(FEATURES[mode], train), thresholds: { low: 0, high: 0 } };
      return (r) => answerProbability(model, r.signals);
    });
    const weighted = asked.map((r) => ({ ...r, weight: r.c.abstain ? choice.weight : 1 }));
    const fitted = {
      ...fitLogistic(FEATURES[mode], weighted),
      // Declining is not the high tier's question: the topic model weighs every row alike.
      topic: fitLogistic(
        FEATURES[mode].filter((f) => f !== 'slot'),
        asked,
      ),
    };
    const unthresholded = { ...fitted, thresholds: { low: 0, high: 0 } };
    const scored = rows.map((r) => ({ ...r, p: answerProbability(unthresholded, r.signals), pTopic: topicProbability(unthresholded, r.signals) }));
    // High on the questions the model was fitted on; the decline threshold below every right answer, translated ones too.
    const chosen = { low: chooseThresholds(scored).low, high: chooseThresholds(scored.filter((r) => !r.translated)).high };
    const minCoverage = MIN_COVERAGE_FOR_HIGH;
    // Translated questions on their own: the same rule on the dev questions asked in English, never below high.
    const translatedRows = scored.filter((r) => r.translated);
    const translatedHigh = translatedRows.length > 0 ? Math.max(chosen.high, chooseThresholds(translatedRows).high) : undefined;
    const thresholds = { ...chosen, minCoverage, ...(translatedHigh !== undefined ? { translatedHigh } : {}) };
    models[mode] = { ...fitted, thresholds };
    // As the retriever decides: nothing matching is declined outright, then the thresholds.
    const tier = (r: (typeof scored)[number]) =>
      nothingMatches(r.signals) || r.pTopic < thresholds.low
        ? 'decline'
        : r.p >= (r.translated ? (translatedHigh ?? thresholds.high) : thresholds.high) && r.signals.coverage >= minCoverage && !r.neverHigh
          ? 'high'
          : 'low';
    const translatedHighRows = translatedRows.filter((r) => tier(r) === 'high');
    const positives = scored.filter((r) => r.label === 1);
    const ooc = scored.filter((r) => r.c.abstain);
    report[mode] = {
      rows: scored.length,
      positives: positives.length,
      declinedPositives: positives.filter((r) => tier(r) === 'decline').length,
      highPrecision: round(scored.filter((r) => tier(r) === 'high').reduce((s, r, _, a) => s + r.label / a.length, 0)),
      outOfCorpusHigh: ooc.filter((r) => tier(r) === 'high').length,
      outOfCorpus: ooc.length,
      rightHighBelowMinCoverage: positives.filter((r) => r.p >= thresholds.high && !r.neverHigh && r.signals.coverage < minCoverage).length,
      translated: {
        rows: translatedRows.length,
        rightHigh: translatedHighRows.filter((r) => r.label === 1).length,
        wrongHigh: translatedHighRows.filter((r) => r.label === 0 && !r.c.abstain).length,
        outOfCorpusHigh: translatedHighRows.filter((r) => r.c.abstain).length,
        outOfCorpus: translatedRows.filter((r) => r.c.abstain).length,
      },
      outOfCorpusWeight: choice.weight,
      crossValidation: choice.trials,
    };
    console.error(`${mode}: ${JSON.stringify(models[mode])}\n  dev: ${JSON.stringify(report[mode])}`);
  }

  const file: DecisionFile = {
    fittedAt: new Date().toISOString(),
    embeddingModel: runtime.embedder.modelId,
    fittedOn: kept ? `${values.suite}, dev split (${dev.length} cases): ${refit.join(', ')}; kept: ${kept.fittedOn}` : `${values.suite}, dev split (${dev.length} cases)`,
    fusion,
    models,
    dev: report,
  };
  writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`calibrate: wrote ${values.out}; run \`npm run eval\` to see the held-out figures`);
  await runtime.close();
  return 0;
}

/** Runs each dev case (follow-ups after their history) and reads the first ranked point and its signals. */
async function collect(runtime: Runtime, parts: Parameters<typeof createPipeline>[0], cases: readonly SuiteCase[], mode: RetrievalMode, tuning: RetrievalTuning) {
  const { answerer } = createPipeline({ ...parts, tuning: { ...tuning, decision: undefined }, mode });
  const rows: Array<Row & { rr: number }> = [];
  for (const c of cases) {
    const history: Turn[] = [];
    for (const turn of c.history ?? []) history.push(toTurn(await answerer.answer(turn.question, { history: [...history] })));
    const answer = await answerer.answer(c.question, { history });
    const gold = new Set(resolveGold(c, runtime.corpus).pointIds.flat());
    const points = [...new Set(answer.retrievedIds.map((id) => runtime.corpus.passage(id)?.pointId ?? id))];
    const at = points.findIndex((id) => gold.has(id));
    const label = !c.abstain && at === 0 ? 1 : 0;
    const { p: _p, tier: _t, ...signals } = answer.signals ?? ({} as NonNullable<typeof answer.signals>);
    const english = answer.searchTerms === undefined ? undefined : englishSearchTerms(c.question);
    const capped = english !== undefined && english.translatedShare < MIN_TRANSLATED_SHARE_FOR_HIGH;
    rows.push({ c, label, neverHigh: answer.missing !== undefined || capped, translated: english !== undefined, rr: c.abstain || at < 0 ? 0 : 1 / (at + 1), ...(answer.signals ? { signals } : {}) });
  }
  return rows;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`calibrate: ${error.message}`);
    process.exit(2);
  },
);
