"""Sub-commands of `ecoute`: each module defines `register(subparsers)`."""
