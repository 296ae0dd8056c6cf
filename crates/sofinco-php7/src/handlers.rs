//! phper 0.17.3 gives every object its own boxed copy of the object handlers and never frees
//! it (about 200 bytes lost per object: 20 MB for 100 000 decisions). Each class's objects get
//! one shared copy instead: this wraps phper's object creation, points the new object at its
//! class's copy and frees the box.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use phper::classes::ClassEntry;
use phper::sys::{zend_class_entry, zend_object, zend_object_handlers};

type Create = unsafe extern "C" fn(*mut zend_class_entry) -> *mut zend_object;

/// phper's create_object (the same function for every phper class).
static PHPER_CREATE: OnceLock<Create> = OnceLock::new();
/// Class entry → its shared handlers (addresses, for Send; they live as long as PHP).
static SHARED: OnceLock<Mutex<HashMap<usize, usize>>> = OnceLock::new();

unsafe extern "C" fn create_object(ce: *mut zend_class_entry) -> *mut zend_object {
    let Some(create) = PHPER_CREATE.get() else {
        return std::ptr::null_mut();
    };
    // SAFETY: phper's own creation, then its box swapped for an identical shared copy
    // (offset, free_obj, clone_obj depend only on the class).
    unsafe {
        let object = create(ce);
        let boxed = (*object).handlers as *mut zend_object_handlers;
        let mut shared = SHARED
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let copy = *shared
            .entry(ce as usize)
            .or_insert_with(|| Box::into_raw(Box::new(*boxed)) as usize);
        (*object).handlers = copy as *const zend_object_handlers;
        drop(Box::from_raw(boxed));
        object
    }
}

/// At module start: the classes `names` (registered by phper) create their objects here.
pub fn share<'a>(names: impl Iterator<Item = &'a str>) {
    for name in names {
        let Ok(ce) = ClassEntry::from_globals(name) else {
            continue;
        };
        // SAFETY: module start-up, single-threaded; the entry lives as long as PHP.
        unsafe {
            let slot = phper::sys::phper_get_create_object(ce.as_ptr() as *mut _);
            if let Some(phper_create) = *slot {
                let _ = PHPER_CREATE.set(phper_create);
                *slot = Some(create_object);
            }
        }
    }
}
