//! Where the user is: one screen per `#/…` address, so that the browser's back button,
//! bookmarks and links from the checks work, even in a page opened as a file.

use jalon::model::id::Id;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    Library,
    Structure,
    Objective(Id),
    Indicators,
    Actions,
    FollowUp,
    #[default]
    Dashboard,
    /// The printed bilan at a checkpoint.
    Bilan,
    Budget,
    Settings,
    /// Parts sent to partners, their returns, who has answered.
    Sharing,
    /// The regional views kept in this browser.
    Regions,
    /// One regional view: several plans seen together.
    Region(Id),
}

impl Route {
    /// The screens of the navigation bar, in its order.
    pub const TABS: [Route; 11] = [
        Route::Dashboard,
        Route::Bilan,
        Route::Structure,
        Route::Indicators,
        Route::Actions,
        Route::FollowUp,
        Route::Budget,
        Route::Sharing,
        Route::Settings,
        Route::Library,
        Route::Regions,
    ];

    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (head, rest) = path.split_once('/').unwrap_or((path, ""));
        match head {
            "plans" => Route::Library,
            "structure" => Route::Structure,
            "objectif" if !rest.is_empty() => Route::Objective(Id::new(decode(rest))),
            "indicateurs" => Route::Indicators,
            "actions" => Route::Actions,
            "suivi" => Route::FollowUp,
            "budget" => Route::Budget,
            "bilan" => Route::Bilan,
            "parametres" => Route::Settings,
            "partenaires" => Route::Sharing,
            "regions" => Route::Regions,
            "region" if !rest.is_empty() => Route::Region(Id::new(decode(rest))),
            _ => Route::Dashboard,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/plans".into(),
            Route::Structure => "#/structure".into(),
            Route::Objective(id) => format!("#/objectif/{}", encode(id.as_str())),
            Route::Indicators => "#/indicateurs".into(),
            Route::Actions => "#/actions".into(),
            Route::FollowUp => "#/suivi".into(),
            Route::Dashboard => "#/tableau-de-bord".into(),
            Route::Budget => "#/budget".into(),
            Route::Bilan => "#/bilan".into(),
            Route::Settings => "#/parametres".into(),
            Route::Sharing => "#/partenaires".into(),
            Route::Regions => "#/regions".into(),
            Route::Region(id) => format!("#/region/{}", encode(id.as_str())),
        }
    }

    /// The tab this screen belongs to (an objective's page belongs to the structure, a
    /// regional view to the regions).
    pub fn tab(&self) -> Route {
        match self {
            Route::Objective(_) => Route::Structure,
            Route::Region(_) => Route::Regions,
            other => other.clone(),
        }
    }
}

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(text).map(String::from).unwrap_or_else(|_| text.to_string())
}
