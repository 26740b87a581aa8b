// `make bench`, rebuild: a PEVR's tables of 500 rows (enjeux, orientations, 36
// objectives with their indicators, MOYENS tables with seven columns, running
// headers), generated here, pasted on the library screen. Timed in headless Chromium:
// from « Proposer le plan » to the proposal painted (counts, tree, rows to place).
// Median of RUNS fresh profiles, beside the aim.
import { browser, open, FILE_URL } from '../tests/e2e/support.mjs';

const RUNS = 5;
const OBJECTIVES = 36;
const MOYENS = 6;

/** A PEVR of `OBJECTIVES` objectives, 14 rows each, as Word's tables paste. */
function pevr() {
  const rows = [];
  const header = ['MOYENS', 'Groupes visés (élève et/ou personnel)', 'Responsable',
    'Mise en oeuvre de l\'action (durée, fréquence, lieu)', 'Services',
    'Mode d\'évaluation (sondage, Power BI, Mozaik, etc.)', 'État d\'avancement 12 décembre 2023'];
  for (let o = 1; o <= OBJECTIVES; o += 1) {
    const enjeu = Math.ceil(o / 12);
    const orientation = Math.ceil(o / 6);
    rows.push('<b>PEVR</b>\t\t\t\t\t\t');
    rows.push(`<b>Enjeu ${enjeu}</b>\t<b>Un enjeu du banc numéro ${enjeu}.</b>\t\t\t\t\t`);
    rows.push(`Orientation ${orientation}\tUne orientation du banc numéro ${orientation}, pour tous les élèves.\t\t\t\t\t`);
    rows.push(`Objectif ${o}\tD'ici juin 2027, augmenter de ${o % 20 + 5} % la réussite mesurée par le banc ${o}.\tIndicateur(s)\t\t\tCibles 2027\t`);
    rows.push(`\t\tTaux de réussite des élèves au banc ${o}, toutes écoles confondues.\t\t\t${70 + (o % 25)} % (plan stratégique)\t`);
    rows.push(`\t\tNombre d'écoles qui suivent le banc ${o} à chaque étape.\t\t\t${o * 3}\t`);
    rows.push('PEVR (MISE EN ŒUVRE)\t\t\t\t\t\t');
    rows.push(header.join('\t'));
    for (let m = 1; m <= MOYENS; m += 1) {
      rows.push([
        `Moyen ${m} de l'objectif ${o} : accompagner les équipes &amp; suivre les progrès.`,
        'Enseignants, conseillers pédagogiques, équipe de direction',
        'Services éducatifs', 'Quatre à six fois par année, dans chaque école.',
        'Services éducatifs', `<p>a) Nombre de rencontres tenues (${m}).</p> <p>b) Appréciation.</p>`,
        `<u>Primaire</u> : ${m} rencontres tenues à ce jour.`,
      ].join('\t'));
    }
  }
  return rows.join('\n');
}

const TEXT = pevr();
const ROWS = TEXT.split('\n').length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const expected = `Objectifs ${OBJECTIVES}`;

async function run() {
  const b = await browser({ today: null });
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await page.locator('#pasted-tables').fill(TEXT);
    const ms = await page.evaluate((expected) => new Promise((resolve) => {
      const start = performance.now();
      document.querySelector('.pasted-form button[type=submit]').click();
      const done = () => document.querySelector('.rebuilt-counts')?.innerText.replace(/\s+/g, ' ').includes(expected);
      const poll = () => done()
        ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
        : setTimeout(poll, 1);
      poll();
    }), expected);
    const counts = (await page.locator('.rebuilt-counts').innerText()).replace(/\s+/g, ' ');
    if (!counts.includes(`Moyens ${OBJECTIVES * MOYENS}`)) throw new Error(`unexpected counts: ${counts}`);
    if (b.errors.length) throw new Error(b.errors.join('\n'));
    return ms;
  } finally {
    await b.close();
  }
}

const runs = [];
for (let i = 0; i < RUNS; i += 1) runs.push(await run());
console.log(`Rebuild: a pasted PEVR of ${ROWS} rows (${OBJECTIVES} objectives, ${OBJECTIVES * MOYENS} moyens), median of ${RUNS} runs`);
console.log(`  « Proposer le plan » → proposal painted ${median(runs).toFixed(1)} ms   aim < 1 000 ms`);
