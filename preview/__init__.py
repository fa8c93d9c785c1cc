"""The editors' preview: rebuild on every save and serve the result locally."""
