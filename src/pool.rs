//! Scratch values reused by rayon's workers across the splits of one parallel pass.
//!
//! rayon's `map_init` calls its `init` at every split of the work, so a value built there
//! (a memo, a large buffer) would start empty many times per thread. A [`Pool`] keeps the
//! values between splits: `init` leases one (built only when none is free), and the
//! [`Lease`] gives it back when the split ends. The pool lives in the caller's stack frame,
//! so its values are freed when the pass returns (or unwinds), with no thread-local state
//! and no barrier across the thread pool.
//!
//! ```ignore
//! let pool = Pool::new();
//! let sums: Vec<usize> = items
//!     .par_iter()
//!     .map_init(|| pool.lease(Vec::new), |buf, item| work(buf, item))
//!     .collect();
//! ```

use std::ops::{Deref, DerefMut};
use std::sync::Mutex;

/// Values free to lease. Leasing takes the lock once per split, not per item.
pub(crate) struct Pool<T> {
    free: Mutex<Vec<T>>,
}

impl<T> Pool<T> {
    pub(crate) fn new() -> Pool<T> {
        Pool {
            free: Mutex::new(Vec::new()),
        }
    }

    /// A free value, or a new one from `make` when none is free.
    pub(crate) fn lease(&self, make: impl FnOnce() -> T) -> Lease<'_, T> {
        let reused = self.free.lock().map(|mut f| f.pop()).unwrap_or(None);
        Lease {
            pool: self,
            value: Some(reused.unwrap_or_else(make)),
        }
    }

    /// How many values are free (all of them once every lease has ended).
    #[cfg(test)]
    fn free(&self) -> usize {
        self.free.lock().map(|f| f.len()).unwrap_or(0)
    }
}

/// A leased value; it goes back to its pool when dropped.
pub(crate) struct Lease<'p, T> {
    pool: &'p Pool<T>,
    value: Option<T>,
}

impl<T> Deref for Lease<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value
            .as_ref()
            .expect("a lease holds its value until dropped")
    }
}

impl<T> DerefMut for Lease<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.value
            .as_mut()
            .expect("a lease holds its value until dropped")
    }
}

impl<T> Drop for Lease<'_, T> {
    fn drop(&mut self) {
        // A poisoned lock (a worker panicked) only loses the value, which is a cache.
        if let (Some(v), Ok(mut free)) = (self.value.take(), self.pool.free.lock()) {
            free.push(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;

    #[test]
    fn a_returned_value_is_leased_again_before_a_new_one_is_made() {
        let pool = Pool::new();
        let mut made = 0;
        {
            let mut a = pool.lease(|| {
                made += 1;
                vec![1]
            });
            a.push(2);
        }
        let b = pool.lease(|| vec![0]);
        assert_eq!(made, 1);
        assert_eq!(*b, vec![1, 2], "the value kept its contents");
        drop(b);
        assert_eq!(pool.free(), 1);
    }

    #[test]
    fn a_parallel_pass_makes_at_most_one_value_per_concurrent_split_and_returns_them_all() {
        let pool = Pool::new();
        let made = std::sync::atomic::AtomicUsize::new(0);
        let sum: usize = (0..10_000usize)
            .into_par_iter()
            .with_max_len(7)
            .map_init(
                || {
                    pool.lease(|| {
                        made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        0usize
                    })
                },
                |seen, x| {
                    **seen += 1;
                    x
                },
            )
            .sum();
        assert_eq!(sum, 10_000 * 9_999 / 2);
        let made = made.into_inner();
        assert_eq!(pool.free(), made, "every lease came back");
        // Far more splits than threads, but values are reused: at most one per thread that
        // held a lease at the same time (rayon may nest a split inside a stolen job).
        assert!(
            made <= 4 * rayon::current_num_threads().max(1),
            "made {made}"
        );
        let seen: usize = pool.free.into_inner().unwrap().into_iter().sum();
        assert_eq!(seen, 10_000, "each item counted in exactly one value");
    }
}
