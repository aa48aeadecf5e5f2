"""The knowledge base: many reports merged into one sourced picture, queried as of any date."""
