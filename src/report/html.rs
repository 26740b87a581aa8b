//! Writing HTML and SVG as text: every text and attribute value escaped in one place, so
//! that a plan's own words (« <, & et " ») can never become markup. The printed bilan
//! and the indicator charts are written with it; the page shows them as they are, and
//! the bilan's saved copy is the same text.

/// Markup being written, element by element.
#[derive(Debug, Default)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// `<tag name="value"…>`; an attribute with an empty name is left out, so that an
    /// optional attribute can sit in the list.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Html {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes.iter().filter(|(name, _)| !name.is_empty()) {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(value, &mut self.out);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// An element holding only text.
    pub fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// An element with no content and no closing tag (`<rect …/>` in SVG, `<meta>`).
    pub fn empty(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Html {
        self.open(tag, attributes);
        if tag != "meta" {
            self.out.pop();
            self.out.push_str("/>");
        }
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Html {
        escape_into(text, &mut self.out);
        self
    }

    /// Markup written by another `Html`.
    pub fn append(&mut self, other: Html) -> &mut Html {
        self.out.push_str(&other.out);
        self
    }

    /// Text that is already markup, written by this crate (a stylesheet, a doctype).
    pub(crate) fn trusted(&mut self, markup: &str) -> &mut Html {
        self.out.push_str(markup);
        self
    }

    pub fn into_string(self) -> String {
        self.out
    }
}

/// What would end a text or a quoted attribute value, and how it is written instead.
const ESCAPED: [(char, &str); 4] = [('&', "&amp;"), ('<', "&lt;"), ('>', "&gt;"), ('"', "&quot;")];

fn escape_into(text: &str, out: &mut String) {
    crate::words::escape_with(text, out, &ESCAPED);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_attributes_are_escaped_and_empty_names_left_out() {
        let mut html = Html::new();
        html.open("p", &[("class", "a\"b"), ("", "skipped")]).text("<b> & \"c\"").close("p");
        html.empty("rect", &[("x", "1")]).empty("meta", &[("charset", "utf-8")]);
        assert_eq!(
            html.into_string(),
            "<p class=\"a&quot;b\">&lt;b&gt; &amp; &quot;c&quot;</p><rect x=\"1\"/><meta charset=\"utf-8\">"
        );
    }
}
