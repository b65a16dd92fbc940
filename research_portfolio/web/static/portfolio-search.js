// Search results that read well: a paper's page shows its summary (the page's meta description),
// and any other page the sentence around the word found, from a word's start, without the BibTeX
// records and the summaries folded in its lists. Sphinx's own summary is kept as the fallback.
if (typeof Search !== "undefined") {
  const sphinxSummary = Search.makeSearchSummary;
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const page = new DOMParser().parseFromString(htmlText, "text/html");
    const paper = page.querySelector("section#paper");
    const description = page.querySelector('meta[name="description"]');
    const summary = document.createElement("p");
    summary.classList.add("context");
    if (paper && description) {
      summary.textContent = description.getAttribute("content");
      return summary;
    }
    page.querySelectorAll("details, .headerlink, script, style").forEach((element) => element.remove());
    const main = page.querySelector('[role="main"]');
    if (!main) return sphinxSummary(htmlText, keywords, anchor);
    const text = main.textContent.replace(/\s+/g, " ").trim();
    const lower = text.toLowerCase();
    const found = [...keywords].map((word) => lower.indexOf(word.toLowerCase())).filter((at) => at > -1);
    const at = found.length ? Math.min(...found) : 0;
    // Back to the start of the sentence (or of a word), at most 120 characters before the word.
    let start = Math.max(text.lastIndexOf(". ", at) + 2, at - 120, 0);
    if (start > 0 && text[start - 1] !== " ") start = text.indexOf(" ", start) + 1;
    let end = Math.min(start + 240, text.length);
    if (end < text.length) end = text.lastIndexOf(" ", end);
    summary.textContent = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
    return summary;
  };
}
