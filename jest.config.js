/** Jest runs two projects: `unit` (everything in node or jsdom, fast) and
 * `browser` (the production build in headless Chromium). `npm test` runs both. */
const tsJest = [
  "ts-jest",
  {
    tsconfig: {
      isolatedModules: true,
      module: "commonjs",
      moduleResolution: "node",
      jsx: "react-jsx",
      esModuleInterop: true,
      target: "ES2020",
      verbatimModuleSyntax: false,
    },
  },
];

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: [
        "/node_modules/",
        "<rootDir>/test/browser/",
        "<rootDir>/test/robustness/browser/",
      ],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser", "<rootDir>/test/robustness/browser"],
      testMatch: ["**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      globalSetup: "<rootDir>/test/browser/globalSetup.js",
      globalTeardown: "<rootDir>/test/browser/globalTeardown.js",
    },
  ],
};
