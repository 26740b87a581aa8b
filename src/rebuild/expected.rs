//! The figures a reader counts by hand in each reference plan and in each pasted table
//! of `tests/fixtures/pasted/`, written down before the importer existed: the importer
//! is held to them, never the other way round.

/// What a rebuilt plan holds: its levels from the top, each with its count, then the
/// indicators and the actions.
pub(crate) struct Counts {
    pub levels: &'static [(&'static str, usize)],
    pub indicators: usize,
    pub actions: usize,
}

/// Reference plan 000 (a PEVR): Enjeu 1 holds orientations 1 and 2, Enjeu 2 holds
/// orientations 1 and 2 again; objectives 1 to 11, « Objectif 7 (suite) » being
/// objective 7 carried to the next page. Indicators: 3, 2, 3, 2, 2, 2 (the HTML table of
/// objective 6 and its tab rows say the same two), 2 (repeated by the « suite »), 2, 1,
/// 3, 4. Moyens, one per row of the MOYENS tables (the same moyen under several
/// objectives is a row each; rows cut by a page break count once): 4, 4, 7, 3, 5, 2,
/// 7 + 4, 3, 2, 6, 5.
pub(crate) const SEED_000: Counts =
    Counts { levels: &[("Enjeu", 2), ("Orientation", 4), ("Objectif", 11)], indicators: 26, actions: 52 };

/// Reference plan 001 (regional): axes 1 to 4 have a heading in the body, axe 5 only in
/// the table of contents (its objectives 5.1 and 5.2 say it is there); 16 themes
/// without codes (3, 3, 3, 6, 1); 20 objectives « 1.1 » (4, 4, 3, 7, 2); 75 activities
/// « 1.1.1 » (10, 12, 7, 33, 13), the plan's actions. Themes and objectives have no
/// word of their own in the text: their levels are named by their rank.
pub(crate) const SEED_001: Counts =
    Counts { levels: &[("Axe", 5), ("Niveau 2", 16), ("Niveau 3", 20)], indicators: 0, actions: 75 };

/// Reference plan 002 (cooperative): the table « NO / TITRE / OBJECTIFS SMART » of
/// annex 1 holds 8 strategic projects and their SMART objectives, several to a cell:
/// 4, 2, 4 (« 2b » and « 3 » on the next page's row), 3, 3 (« Objectif global » is
/// one), 2, 6 (five of them on the next page's row), 1. No table gives actions to an
/// objective: the échéancier's « Actions » belong to no objective.
pub(crate) const SEED_002: Counts = Counts { levels: &[("Niveau 1", 8), ("Objectif", 25)], indicators: 0, actions: 0 };

/// `pevr.txt`, shaped like 000: two enjeux, three orientations, objectives 1 to 4
/// (objective 3 carried over as « Objectif 3 (suite) »), indicators 3, 2, 2, 2, moyens
/// 3, 2, 2 + 2, 2 (two of them cut over two rows by a page break).
pub(crate) const PEVR: Counts =
    Counts { levels: &[("Enjeu", 2), ("Orientation", 3), ("Objectif", 4)], indicators: 9, actions: 11 };

/// `regional.txt`, shaped like 001: axes 1 and 2 in the body, axe 3 only in the
/// contents; themes 2, 1, 1; objectives 1.1, 1.2, 2.1, 3.1; activities 2, 3, 2, 3.
pub(crate) const REGIONAL: Counts =
    Counts { levels: &[("Axe", 3), ("Niveau 2", 4), ("Niveau 3", 4)], indicators: 0, actions: 10 };

/// `coop.txt`, shaped like 002: projects 1 to 3; objectives 2, 3 (« 2b » on the next
/// page's row), 2 (« Objectif global » and 1); four actions linked by the code of
/// their objective, one shifted right by the extraction, one with its target groups
/// and responsible swapped.
pub(crate) const COOP: Counts = Counts { levels: &[("Niveau 1", 3), ("Objectif", 7)], indicators: 0, actions: 4 };
