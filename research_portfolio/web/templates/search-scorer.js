// Sphinx's search scores (html_search_scorer), with one rule added: a result whose title holds every
// word of the query comes first. Sphinx scores a page by its best single word, so a page with one of
// the words in a heading ties with the paper whose title is the query; the reader wants the paper.
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
  wholeTitle: 30,
  score: (result) => {
    const [, title, , , score] = result;
    const query = new URLSearchParams(window.location.search).get("q") || "";
    const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 2);
    const titleWords = (title || "").toLowerCase().split(/[^\p{L}\p{N}]+/u);
    // A word is in the title when a title word starts as it does: "models" finds "model", "sampling" "samples".
    const inTitle = (word) => titleWords.some((titleWord) => titleWord.startsWith(word.slice(0, Math.max(4, word.length - 3))));
    return words.length && words.every(inTitle) ? score + Scorer.wholeTitle : score;
  },
};
