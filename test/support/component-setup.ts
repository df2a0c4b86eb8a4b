import { configure } from "@testing-library/react";

/**
 * Vitest setup file of the component project (vitest.config.ts). `findBy…` and `waitFor` wait
 * for what the page shows; their default limit of 1 s is shorter than a busy 2-core CI machine
 * may take for a first import (a worker per core runs the files), and a wait that ends sooner
 * than the condition is a flake, not a finding. They still end as soon as the condition holds.
 */
configure({ asyncUtilTimeout: 5_000 });
