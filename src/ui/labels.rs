//! The screens' own words, in French and English. Messages about the plan (checks,
//! file problems) and number and date formats come from the core's `text` module.

use jalon::text::Lang;

pub struct Labels {
    pub deadline: &'static str,
    pub smart: &'static str,
    pub indicators: &'static str,
    pub indicator: &'static str,
    pub segment: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub latest_measure: &'static str,
    pub source: &'static str,
    pub no_indicator: &'static str,
    pub target_groups: &'static str,
    pub responsible: &'static str,
    pub implementation: &'static str,
    pub evaluation: &'static str,
    pub progress_at: &'static str,
    pub no_action: &'static str,
    pub no_report: &'static str,
    pub all_segments: &'static str,
    pub status: &'static str,
    pub checks: &'static str,
    pub no_finding: &'static str,
}

pub const FR: Labels = Labels {
    deadline: "Échéance",
    smart: "Énoncé SMART",
    indicators: "Indicateurs",
    indicator: "Indicateur",
    segment: "Groupe",
    baseline: "Situation de départ",
    target: "Cible",
    latest_measure: "Dernière mesure",
    source: "Source",
    no_indicator: "Aucun indicateur pour cet objectif.",
    target_groups: "Groupes visés",
    responsible: "Responsable",
    implementation: "Mise en œuvre",
    evaluation: "Mode d'évaluation",
    progress_at: "État d'avancement",
    no_action: "Aucun moyen lié à cet objectif.",
    no_report: "Non rapporté",
    all_segments: "Ensemble",
    status: "État",
    checks: "Vérifications",
    no_finding: "Aucun avertissement : le plan ne présente aucune incohérence détectée.",
};

pub const EN: Labels = Labels {
    deadline: "Deadline",
    smart: "SMART statement",
    indicators: "Indicators",
    indicator: "Indicator",
    segment: "Group",
    baseline: "Baseline",
    target: "Target",
    latest_measure: "Latest measurement",
    source: "Source",
    no_indicator: "No indicator for this objective.",
    target_groups: "Target groups",
    responsible: "Responsible",
    implementation: "Implementation",
    evaluation: "Evaluation",
    progress_at: "Progress",
    no_action: "No action linked to this objective.",
    no_report: "Not reported",
    all_segments: "All",
    status: "Status",
    checks: "Checks",
    no_finding: "No warning: no inconsistency was found in the plan.",
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}
