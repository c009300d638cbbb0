'use strict';
// Starts `icpls lsp` for ICP filing documents (*.icp.json, language icp-filing).

const vscode = require('vscode');
const {
  LanguageClient,
  DidChangeConfigurationNotification,
} = require('vscode-languageclient/node');

const SECTION = 'icpls';

let client;
let watchers = [];
let sent = {}; // the settings the running server was last given

/** The server's settings object, `{ asOf?, rules? }` (SPEC §5), from the `icpls` configuration. */
function serverSettings(scope) {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const settings = {};
  const asOf = config.get('asOf');
  if (typeof asOf === 'string' && asOf.trim() !== '') settings.asOf = asOf.trim();
  const rules = config.get('rules');
  if (rules && typeof rules === 'object' && Object.keys(rules).length > 0) settings.rules = { ...rules };
  return settings;
}

/** True when `after` no longer sets something `before` did: only a restart unsets it. */
function dropsSomething(before, after) {
  if (before.asOf && !after.asOf) return true;
  return Object.keys(before.rules || {}).some((id) => !(after.rules && id in after.rules));
}

/** Answers `workspace/configuration` for `icpls` with the server's settings only (not path or trace). */
async function configurationMiddleware(params, token, next) {
  const answers = await next(params, token);
  if (!Array.isArray(answers)) return answers;
  return params.items.map((item, i) =>
    item.section === SECTION
      ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
      : answers[i]);
}

async function start() {
  const command = vscode.workspace.getConfiguration(SECTION).get('path') || 'icpls';
  watchers = [
    vscode.workspace.createFileSystemWatcher('**/*.icp.json'),
    vscode.workspace.createFileSystemWatcher('**/.icpls.json'),
  ];
  sent = serverSettings();
  client = new LanguageClient(
    'icpls',
    'icpls',
    { command, args: ['lsp'] },
    {
      documentSelector: [{ language: 'icp-filing' }],
      synchronize: { fileEvents: watchers },
      initializationOptions: sent,
      middleware: { workspace: { configuration: configurationMiddleware } },
    },
  );
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `icpls: could not start "${command} lsp" (${error && error.message ? error.message : error}). ` +
        'Install icpls or set "icpls.path" to the executable, then run "icpls: Restart Server".');
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.dispose();
    } catch (_) {
      // It had not started, or is gone already.
    }
  }
  watchers.forEach((watcher) => watcher.dispose());
  watchers = [];
}

async function restart() {
  await stop();
  await start();
}

async function onConfigurationChanged(event) {
  if (!event.affectsConfiguration(SECTION)) return;
  const settings = serverSettings();
  if (event.affectsConfiguration(`${SECTION}.path`) || dropsSomething(sent, settings)) {
    await restart();
    return;
  }
  const changed = event.affectsConfiguration(`${SECTION}.asOf`) || event.affectsConfiguration(`${SECTION}.rules`);
  if (changed && client && client.isRunning()) {
    sent = settings;
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SECTION]: settings } });
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('icpls.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
