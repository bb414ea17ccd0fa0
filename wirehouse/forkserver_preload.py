"""Imported first by the workers' forkserver (see wirehouse.workers): it dies with the run that started it."""

from wirehouse.deathsig import die_with_parent

die_with_parent()
