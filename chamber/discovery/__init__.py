"""What search engines and link previews read: descriptions, share pictures, the sitemap."""
