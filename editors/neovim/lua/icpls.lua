-- icpls for Neovim 0.7 and later: `*.icp.json` files get the filetype
-- `icp-filing` (highlighted as JSON with comments) and the language server
-- `icpls lsp`, started through whichever LSP API this Neovim has.
--
--   require('icpls').setup({
--     cmd = { 'icpls', 'lsp' },                              -- the default
--     settings = { asOf = '2026-11-23', rules = { ICP406 = 'warning' } },
--     lspconfig = false,          -- true: register and start it with nvim-lspconfig
--   })
--
-- `settings` is sent as initializationOptions, and also as the `icpls`
-- section of workspace/didChangeConfiguration and workspace/configuration.

local M = {}

M.filetype = 'icp-filing'
M.root_markers = { '.icpls.json', '.git' } -- in order: the nearest .icpls.json wins over .git

local function has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

-- The nearest folder above `path` holding the first marker found, else its own folder.
function M.find_root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs(M.root_markers) do
    local found
    if vim.fs and vim.fs.find then -- 0.8+
      found = vim.fs.find(marker, { upward = true, path = dir })[1]
    else -- 0.7
      local search = vim.fn.escape(dir, ' ,') .. ';'
      found = vim.fn.findfile(marker, search)
      if found == '' then
        found = vim.fn.finddir(marker, search)
      end
      found = found ~= '' and (vim.fn.fnamemodify(found, ':p'):gsub('[/\\]$', '')) or nil
    end
    if found then
      return vim.fn.fnamemodify(found, ':h')
    end
  end
  return dir
end

-- Settings are JSON objects, but Neovim encodes an empty Lua table as `[]`:
-- give every empty table the object marker, so `{}` goes out as `{}`.
local function as_object(value)
  if type(value) ~= 'table' then
    return value
  end
  if next(value) == nil then
    return vim.empty_dict()
  end
  local copy = {}
  for key, item in pairs(value) do
    copy[key] = as_object(item)
  end
  return copy
end

local function client_config(opts)
  return {
    name = 'icpls',
    cmd = opts.cmd,
    init_options = as_object(opts.settings),
    settings = { icpls = as_object(opts.settings) },
  }
end

local function detect_filetype(group)
  if has('0.8') then
    vim.filetype.add({ pattern = { ['.*%.icp%.json'] = M.filetype } })
  else
    vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
      group = group,
      pattern = '*.icp.json',
      command = 'set filetype=' .. M.filetype,
    })
  end
  local syntax = #vim.api.nvim_get_runtime_file('syntax/jsonc.vim', false) > 0 and 'jsonc' or 'json'
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.filetype,
    callback = function(args)
      vim.bo[args.buf].syntax = syntax
      vim.bo[args.buf].commentstring = '// %s'
      vim.bo[args.buf].comments = 's1:/*,mb:*,ex:*/,://'
    end,
  })
  if vim.treesitter.language and vim.treesitter.language.register then -- 0.9+
    pcall(vim.treesitter.language.register, 'json', M.filetype)
  end
end

local function setup_lspconfig(opts)
  local configs = require('lspconfig.configs')
  local util = require('lspconfig.util')
  if not configs.icpls then
    configs.icpls = {
      default_config = {
        cmd = opts.cmd,
        filetypes = { M.filetype },
        root_dir = function(fname)
          return util.root_pattern('.icpls.json')(fname) or util.root_pattern('.git')(fname)
        end,
        single_file_support = true,
      },
      docs = { description = 'icpls: checks ICP filing documents (*.icp.json).' },
    }
  end
  require('lspconfig').icpls.setup({
    init_options = as_object(opts.settings),
    settings = { icpls = as_object(opts.settings) },
  })
end

function M.setup(opts)
  opts = vim.tbl_extend('force', { cmd = { 'icpls', 'lsp' }, settings = {}, lspconfig = false }, opts or {})
  local group = vim.api.nvim_create_augroup('icpls', { clear = true })
  detect_filetype(group)

  if opts.lspconfig then
    setup_lspconfig(opts)
  elseif vim.lsp.config and vim.lsp.enable then -- 0.11+
    local config = client_config(opts)
    config.filetypes = { M.filetype }
    config.root_markers = M.root_markers
    vim.lsp.config('icpls', config)
    vim.lsp.enable('icpls')
  elseif vim.lsp.start then -- 0.8 to 0.10: reuses the client of the same name and root
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.filetype,
      callback = function(args)
        local config = client_config(opts)
        config.root_dir = M.find_root(vim.api.nvim_buf_get_name(args.buf))
        vim.lsp.start(config, { bufnr = args.buf })
      end,
    })
  else -- 0.7: one client per root
    local clients = {}
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.filetype,
      callback = function(args)
        local root = M.find_root(vim.api.nvim_buf_get_name(args.buf))
        local id = clients[root]
        if not id or vim.lsp.client_is_stopped(id) then
          local config = client_config(opts)
          config.root_dir = root
          id = vim.lsp.start_client(config)
          clients[root] = id
        end
        if id then
          vim.lsp.buf_attach_client(args.buf, id)
        end
      end,
    })
  end
end

return M
