"""A stock Wagtail page for the benchmark's side-by-side row (installed by
veiligbestuur.settings.bench only): a plain Page subclass with a rich text body, served by
Wagtail's own serve view, without the product's route cache, fragments or page models."""
