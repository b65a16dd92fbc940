// Search results that read like the site. One heading (the page's own): Sphinx's second one is
// taken out, and its status line says what was found in the site's words, or, when nothing was,
// where to look instead (the page holds both sentences, #portfolio-search-messages). Each result
// shows the words it was found by: a paper's summary where it or the title names them, else the passage
// around the first of them, from a sentence's start, a heading set apart from the text under it.
if (typeof Search !== "undefined") {
  const messages = document.getElementById("portfolio-search-messages");
  const message = (name) => messages && messages.querySelector(`[data-message="${name}"]`);

  const sphinxPerform = Search.performSearch;
  Search.performSearch = (query) => {
    sphinxPerform(query);
    Search.title.remove();  // the page's h1 says what the page is
    const searching = message("searching");
    if (searching) Search.status.textContent = searching.textContent;
    Search.status.setAttribute("role", "status");
  };

  // Sphinx stops the dots, then writes its status line: ours replaces it once that is done.
  const sphinxStop = Search.stopPulse;
  Search.stopPulse = () => {
    sphinxStop();
    setTimeout(() => {
      if (!Search.output) return;
      const count = Search.output.children.length;
      const found = message(count === 0 ? "none" : count === 1 ? "one" : "many");
      if (!found) return;
      Search.status.replaceChildren(...[...found.cloneNode(true).childNodes]);
      Search.status.innerHTML = Search.status.innerHTML.replace("{count}", String(count));
    }, 0);
  };

  const sphinxSummary = Search.makeSearchSummary;
  const blocks = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption, blockquote";
  const headings = "h1, h2, h3, h4, h5, h6, dt, p.rubric, caption";
  const mentions = (text, keywords) => {
    const lower = text.toLowerCase();
    return [...keywords].map((word) => lower.indexOf(word.toLowerCase())).filter((at) => at > -1);
  };

  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const page = new DOMParser().parseFromString(htmlText, "text/html");
    const paper = page.querySelector("section#paper");
    const description = page.querySelector('meta[name="description"]');
    const summary = document.createElement("p");
    summary.classList.add("context");
    const title = page.querySelector("h1");
    const foundBy = [description && description.getAttribute("content"), title && title.textContent].join(" ");
    if (paper && description && mentions(foundBy, keywords).length) {
      summary.textContent = description.getAttribute("content");
      return summary;
    }
    // What is not the page's own text: folded blocks, link rows, a paper page's citations and ways out.
    const apart = "details, .headerlink, script, style, nav, .portfolio-links-row, .pub-links, .pub-discussed, " +
      ".pub-section, .pub-back, .pub-legend";
    page.querySelectorAll(apart).forEach((element) => element.remove());
    const main = page.querySelector('[role="main"]') || page.querySelector("article");
    if (!main) return sphinxSummary(htmlText, keywords, anchor);
    // A heading ends with a dash before the text under it; any other block with a space.
    main.querySelectorAll(blocks).forEach((block) => {
      block.append(block.matches(headings) && !/[.:?!]\s*$/.test(block.textContent) ? " \u2014 " : " ");
    });
    const text = main.textContent.replace(/\s+/g, " ").replace(/(\s\u2014\s)+/g, " \u2014 ").trim();
    const found = mentions(text, keywords);
    const at = found.length ? Math.min(...found) : 0;
    // Back to the start of the sentence (or of a word), at most 120 characters before the word.
    const sentence = text.lastIndexOf(". ", at);
    const heading = text.lastIndexOf(" \u2014 ", at);
    let start = Math.max(sentence < 0 ? 0 : sentence + 2, heading < 0 ? 0 : heading + 3, at - 120, 0);
    if (start > 0 && text[start - 1] !== " ") start = text.indexOf(" ", start) + 1;
    let end = Math.min(start + 240, text.length);
    if (end < text.length) end = text.lastIndexOf(" ", end);
    summary.textContent = (start > 0 ? "\u2026" : "") + text.slice(start, end).replace(/ \u2014 $/, "") +
      (end < text.length ? "\u2026" : "");
    return summary;
  };
}
