"""giaoviec service: storage, background jobs, HTTP API, review page and the command line."""
