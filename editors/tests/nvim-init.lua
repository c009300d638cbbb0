-- The user's init.lua of the Neovim end-to-end test. ICPLS_E2E_NVIM_CONFIG:
--   module (the default)  require('icpls').setup({...}), as editors/neovim/README.md
--                         says, with no settings;
--   readme                the README's copy-paste lines for this version of
--                         Neovim, run as they are written there.
-- Either way `icpls` is replaced by a wrapper (ICPLS_E2E_SERVER_CMD) that
-- records the server's exit status.
local editors = vim.env.ICPLS_E2E_EDITORS
local server = vim.env.ICPLS_E2E_SERVER_CMD
local config = vim.env.ICPLS_E2E_NVIM_CONFIG or 'module'
vim.lsp.set_log_level(vim.env.ICPLS_E2E_LSP_LOG or 'info')

-- For nvim-e2e.lua: what this configuration is, and the severity the settings
-- give ICP406 (an error by default; the README's settings make it a warning).
_G.icpls_e2e = { config = config, icp406 = vim.diagnostic.severity.ERROR, messages = {} }

local function readme_lines()
  local readme = table.concat(vim.fn.readfile(editors .. '/neovim/README.md'), '\n')
  local function block_after(heading)
    local start = readme:find(heading, 1, true)
    local code = start and readme:match('```lua\n(.-)\n```', start)
    return code or error('README.md has no Lua block after "' .. heading .. '"')
  end
  local settings = block_after('Settings used below')
  if vim.fn.has('nvim-0.11') == 1 then
    return settings .. '\n' .. block_after('### Neovim 0.11 and later'), '0.11+'
  elseif vim.fn.has('nvim-0.8') == 1 then
    -- "The filetype lines above (on 0.8 leave out vim.treesitter.language.register)"
    local filetype = block_after('### Neovim 0.11 and later'):match('^(.-)\nvim%.lsp%.config')
    if vim.fn.has('nvim-0.9') == 0 then
      filetype = filetype:gsub('vim%.treesitter%.language%.register[^\n]*', '')
    end
    return settings .. '\n' .. filetype .. '\n' .. block_after('### Neovim 0.8 to 0.10'), '0.8 to 0.10'
  end
  return settings .. '\n' .. block_after('### Neovim 0.7'), '0.7'
end

local ok, err = pcall(function()
  if config == 'module' then
    vim.opt.runtimepath:append(editors .. '/neovim')
    require('icpls').setup({
      cmd = { server, 'lsp' },
    })
    _G.icpls_e2e.config = "require('icpls').setup()"
  elseif config == 'readme' then
    local code, section = readme_lines()
    local replaced
    code, replaced = code:gsub("{ 'icpls', 'lsp' }", string.format('{ %q, "lsp" }', server))
    if replaced ~= 1 then
      error("README.md's lines for " .. section .. " name { 'icpls', 'lsp' } " .. replaced .. ' times, not once')
    end
    assert(loadstring(code, '=README.md (' .. section .. ')'))()
    _G.icpls_e2e.config = "README.md's lines for " .. section
    _G.icpls_e2e.icp406 = vim.diagnostic.severity.WARN -- rules = { ICP406 = 'warning' }
  else
    error('unknown ICPLS_E2E_NVIM_CONFIG ' .. config)
  end
end)
if not ok then
  _G.icpls_e2e.error = tostring(err)
end

-- Remember what the server shows the user (window/showMessage): nvim-e2e.lua
-- fails on errors and warnings, such as a setting the server rejected.
local show_message = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(_G.icpls_e2e.messages, result)
  return show_message(err, result, ctx, config)
end
