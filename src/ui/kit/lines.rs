//! A line of a table edited in place (a budget's revenue, rate, expense, share): its
//! fields, each named by a key, pre-filled by the exact inverse of the reader its kind
//! names (`jalon::words::input`), and read back by key. A value asked for under a key that
//! holds none of that kind is refused like a value that does not read: nothing is
//! submitted, and the field says why; nothing is taken for zero.

use jalon::model::budget::Days;
use jalon::model::money::Cents;
use jalon::words::input::{self, Expected, InputError, Problem};
use jalon::words::text::Lang;

/// What a field holds, and so how it is read.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Text,
    Money,
    /// An amount that may be left blank.
    OptionalMoney,
    Days,
    Participants,
    Weight,
    /// One of a list: (value, words shown).
    Choice(Vec<(String, String)>),
}

impl Kind {
    /// What the reader of this kind expects, for a refusal to say.
    fn expected(&self) -> Expected {
        match self {
            Kind::Text | Kind::Choice(_) => Expected::Words,
            Kind::Money | Kind::OptionalMoney => Expected::Money,
            Kind::Days => Expected::Days,
            Kind::Participants => Expected::Count,
            Kind::Weight => Expected::Weight,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// What the line's values are read by (« amount »).
    pub key: &'static str,
    pub label: String,
    pub kind: Kind,
    pub initial: String,
}

/// Each constructor pairs a kind's reader with its inverse, so that no form can show a
/// value its reader would read otherwise; a new line's fields are blank.
impl Field {
    fn new(key: &'static str, label: &str, kind: Kind, initial: String) -> Field {
        Field { key, label: label.into(), kind, initial }
    }

    pub fn text(key: &'static str, label: &str, value: &str) -> Field {
        Field::new(key, label, Kind::Text, value.into())
    }

    pub fn money(key: &'static str, label: &str, value: Option<Cents>, lang: Lang) -> Field {
        Field::new(key, label, Kind::Money, value.map(|c| input::show_money(c, lang)).unwrap_or_default())
    }

    pub fn optional_money(key: &'static str, label: &str, value: Option<Cents>, lang: Lang) -> Field {
        Field::new(key, label, Kind::OptionalMoney, input::show_optional_money(value, lang))
    }

    pub fn days(key: &'static str, label: &str, value: Option<Days>, lang: Lang) -> Field {
        Field::new(key, label, Kind::Days, value.map(|d| input::show_days(d, lang)).unwrap_or_default())
    }

    pub fn participants(key: &'static str, label: &str, value: Option<u32>, lang: Lang) -> Field {
        Field::new(key, label, Kind::Participants, value.map(|n| input::show_count(n, lang)).unwrap_or_default())
    }

    pub fn weight(key: &'static str, label: &str, value: Option<f64>, lang: Lang) -> Field {
        Field::new(key, label, Kind::Weight, value.map(|w| input::show_weight(w, lang)).unwrap_or_default())
    }

    /// One of `choices` (value, words shown), `chosen` selected.
    pub fn choice(key: &'static str, label: &str, choices: Vec<(String, String)>, chosen: String) -> Field {
        Field::new(key, label, Kind::Choice(choices), chosen)
    }
}

/// A field's value once read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Money(Option<Cents>),
    Days(Days),
    Count(u32),
    Weight(f64),
}

/// The choice the draft names, or the first one when the draft names none of them (the
/// list changed since: an organisation was given its share).
pub fn chosen(options: &[(String, String)], draft: &str) -> String {
    let known = options.iter().any(|(v, _)| v == draft);
    if known {
        draft.to_owned()
    } else {
        options.first().map_or_else(String::new, |(v, _)| v.clone())
    }
}

/// Reads what is typed in a field by its kind's reader.
pub fn read(kind: &Kind, text: &str, lang: Lang) -> Result<Value, InputError> {
    match kind {
        Kind::Text => Ok(Value::Text(text.trim().to_owned())),
        Kind::Choice(options) => Ok(Value::Text(chosen(options, text))),
        Kind::Money => input::read_money(text, lang).map(|m| Value::Money(Some(m))),
        Kind::OptionalMoney => input::read_optional_money(text, lang).map(Value::Money),
        Kind::Days => input::read_days(text, lang).map(Value::Days),
        Kind::Participants => input::read_count(text, lang).map(Value::Count),
        Kind::Weight => input::read_weight(text, lang).map(Value::Weight),
    }
}

/// A field that did not give what was asked of it: its key, and why, said under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unread {
    pub key: &'static str,
    pub error: InputError,
}

/// A line's values as read, each under its field's key.
#[derive(Clone, Debug, PartialEq)]
pub struct Values(Vec<(&'static str, Expected, Value)>);

impl Values {
    /// Each field's text read by its kind, or every field that does not read.
    pub fn read(fields: &[Field], texts: &[String], lang: Lang) -> Result<Values, Vec<Option<InputError>>> {
        let read: Vec<_> = fields
            .iter()
            .enumerate()
            .map(|(at, f)| read(&f.kind, texts.get(at).map_or("", String::as_str), lang))
            .collect();
        if read.iter().any(Result::is_err) {
            return Err(read.into_iter().map(Result::err).collect());
        }
        let values = fields.iter().zip(read.into_iter().flatten());
        Ok(Values(values.map(|(f, v)| (f.key, f.kind.expected(), v)).collect()))
    }

    /// The value under `key` as `take` gets it, or why not.
    fn get<T>(&self, key: &'static str, take: impl Fn(&Value) -> Option<T>) -> Result<T, Unread> {
        let found = self.0.iter().find(|(k, ..)| *k == key);
        match found.map(|(_, expected, value)| (take(value), *expected)) {
            Some((Some(value), _)) => Ok(value),
            held => {
                let expected = held.map_or(Expected::Words, |(_, expected)| expected);
                Err(Unread { key, error: InputError { expected, typed: String::new(), problem: Problem::Unreadable } })
            }
        }
    }
}

/// A reader of `Values` per kind of value: the value under a key when it is of that kind.
macro_rules! takes {
    ($($(#[$doc:meta])* $name:ident -> $type:ty { $($pattern:pat => $value:expr),+ })+) => {
        impl Values {
            $(
                $(#[$doc])*
                pub fn $name(&self, key: &'static str) -> Result<$type, Unread> {
                    self.get(key, |v| match v {
                        $($pattern => $value,)+
                        _ => None,
                    })
                }
            )+
        }
    };
}

takes! {
    text -> String { Value::Text(t) => Some(t.clone()) }
    /// An amount a field requires.
    money -> Cents { Value::Money(m) => *m }
    /// An amount that may be left blank (`None`).
    optional_money -> Option<Cents> { Value::Money(m) => Some(*m) }
    days -> Days { Value::Days(d) => Some(*d) }
    count -> u32 { Value::Count(n) => Some(*n) }
    weight -> f64 { Value::Weight(w) => Some(*w) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jalon::words::text::Lang::Fr;

    fn line() -> Vec<Field> {
        vec![
            Field::text("label", "Libellé", ""),
            Field::choice(
                "category",
                "Catégorie",
                vec![("a".into(), "A".into()), ("b".into(), "B".into())],
                "b".into(),
            ),
            Field::money("planned", "Prévu", None, Fr),
            Field::optional_money("spent", "Dépensé", None, Fr),
        ]
    }

    fn typed(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn values_are_read_by_key_whatever_their_place() {
        let values = Values::read(&line(), &typed(&[" Matériel ", "b", "1 250,50 $", ""]), Fr).unwrap();
        assert_eq!(values.text("label"), Ok("Matériel".into()));
        assert_eq!(values.text("category"), Ok("b".into()));
        assert_eq!(values.money("planned"), Ok(Cents(125_050)));
        assert_eq!(values.optional_money("spent"), Ok(None));
    }

    #[test]
    fn a_value_asked_under_an_unknown_key_or_of_another_kind_is_refused_not_zero() {
        let values = Values::read(&line(), &typed(&["Matériel", "a", "10", ""]), Fr).unwrap();
        let refused = values.money("spent").unwrap_err();
        assert_eq!(
            (refused.key, refused.error.expected, refused.error.problem),
            ("spent", Expected::Money, Problem::Unreadable)
        );
        assert_eq!(values.weight("weight").unwrap_err().key, "weight");
        assert_eq!(values.days("label").unwrap_err().error.expected, Expected::Words);
    }

    #[test]
    fn a_field_that_does_not_read_is_said_in_its_place() {
        let errors = Values::read(&line(), &typed(&["Matériel", "a", "dix", "1,234"]), Fr).unwrap_err();
        assert_eq!(errors.iter().map(Option::is_some).collect::<Vec<_>>(), [false, false, true, true]);
    }

    #[test]
    fn a_choice_no_longer_offered_reads_as_the_first() {
        let values = Values::read(&line(), &typed(&["Matériel", "gone", "10", ""]), Fr).unwrap();
        assert_eq!(values.text("category"), Ok("a".into()));
    }
}
