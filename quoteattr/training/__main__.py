from quoteattr.training.cli import main

raise SystemExit(main())
