"""Default templates, packaged as generator.templates so an installed site needs no copy."""
