//! WARC reader (to come).
