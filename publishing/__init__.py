"""From a built site to the live one: the output guard, the build lock, releases,
the manifest, server headers and the publishing targets. No Pelican import here."""
