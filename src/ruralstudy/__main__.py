from ruralstudy.cli import main

raise SystemExit(main())
