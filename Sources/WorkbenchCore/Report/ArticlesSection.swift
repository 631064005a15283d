import WorkbenchProtocol

/// The articles: a sortable index (headline, outlet, date, how often the evidence cites it), then one
/// view per embedded article, each hidden until it (or a span in it) is the URL's target.
struct ArticlesSection {
    let plan: ReportPlan
    let corpusSize: Int?

    func writeIndex(into w: HTMLWriter) {
        w.raw("<section id=\"articles\" class=\"articles\"><h2>Articles</h2><p class=\"intro\">")
        let count = plan.articles.count
        if count == 0 {
            w.text("No article is included: no table cites evidence" + (plan.inputArticles > 0 ? "." : ", and no article text was given."))
        } else if plan.embedsAll && (corpusSize ?? 0) <= count {
            w.text("All \(count) article\(count == 1 ? "" : "s") of the corpus. Open one to read it with its statements, claims and terms marked.")
        } else {
            let of = corpusSize.map { " of \(NumberText.grouped($0))" } ?? ""
            w.text("The \(NumberText.grouped(count)) articles\(of) that the listed evidence cites (the first spans of every cell first). Others are not embedded, to keep this file small; workbench show ID prints any document's results.")
        }
        w.raw("</p>")
        guard count > 0 else {
            w.raw("</section>")
            return
        }
        w.raw("<div class=\"table-wrap\"><table class=\"data sortable article-index\"><thead><tr>")
        for (label, type) in [("Headline", "string"), ("Outlet", "string"), ("Date", "string"), ("Cited", "integer")] {
            w.raw("<th scope=\"col\" data-type=\"\(type)\"\(type == "integer" ? " class=\"num\"" : "") aria-sort=\"none\"><button type=\"button\">\(label)<span class=\"arrow\" aria-hidden=\"true\"></span></button></th>")
        }
        w.raw("</tr></thead><tbody>")
        for article in plan.articles {
            let document = article.article.document
            w.raw("<tr><td><a href=\"#\(article.elementId)\">")
            w.text(headline(of: article))
            w.raw("</a></td><td>")
            w.text(document.meta.outlet ?? article.facts.outlet ?? "")
            w.raw("</td><td>")
            w.text(document.meta.date.map { String($0.prefix(10)) } ?? "")
            w.raw("</td><td class=\"num\" data-v=\"\(article.citations)\">\(article.citations)</td></tr>")
        }
        w.raw("</tbody></table></div></section>")
    }

    func writeViews(into w: HTMLWriter) {
        guard !plan.articles.isEmpty else { return }
        w.raw("<div class=\"article-views\">")
        for article in plan.articles { ArticleView(planned: article, palette: plan.palette).write(into: w) }
        w.raw("</div>")
    }

    /// The extract headline, else the title, else the first line of the text (shortened), else the id.
    private func headline(of article: ReportPlan.Article) -> String {
        if let span = article.facts.headline {
            let text = article.text.string(span.lowerBound, span.upperBound).trimmingWhitespace
            if !text.isEmpty { return text }
        }
        if let title = article.article.document.meta.title, !title.isEmpty { return title }
        let firstLine = article.article.document.text.split(whereSeparator: \.isNewline).first.map { String($0).trimmingWhitespace } ?? ""
        guard !firstLine.isEmpty else { return article.article.document.id }
        return firstLine.count > 140 ? String(firstLine.prefix(130)) + "…" : firstLine
    }
}

fileprivate extension String {
    /// Without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
