"""python -m attribution"""
import sys

from .cli import main

sys.exit(main())
