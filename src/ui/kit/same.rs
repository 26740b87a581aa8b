//! Props that hold what the page computes once per plan (the checks, the budget's
//! totals) compare those by identity: the same `Rc` is the same value, and comparing
//! long lists field by field at each render would cost more than rendering.

use std::rc::Rc;
use yew::html::IntoPropValue;

/// An `Rc` compared by identity, for props to derive `PartialEq`.
#[derive(Debug)]
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Same<T> {
    type Target = Rc<T>;
    fn deref(&self) -> &Rc<T> {
        &self.0
    }
}

/// A prop of type `Same<T>` is given its `Rc` as it is.
impl<T> IntoPropValue<Same<T>> for Rc<T> {
    fn into_prop_value(self) -> Same<T> {
        Same(self)
    }
}

impl<T> IntoPropValue<Same<T>> for &Rc<T> {
    fn into_prop_value(self) -> Same<T> {
        Same(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::Same;
    use std::rc::Rc;

    #[test]
    fn the_same_list_is_equal_and_an_equal_copy_is_not() {
        let list = Rc::new(vec![1, 2]);
        assert!(Same(list.clone()) == Same(list.clone()));
        assert!(Same(list) != Same(Rc::new(vec![1, 2])));
    }
}
