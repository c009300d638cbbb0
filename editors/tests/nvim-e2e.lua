-- Drives headless Neovim (0.7 and later) through the end-to-end test, after
-- nvim-init.lua set up icpls and the document was opened: wait for icpls's
-- diagnostics, apply the preferred quick fix for ICP201 through
-- vim.lsp.buf.code_action() (vim.ui.select answered with the preferred
-- action), save, wait for the new diagnostics, stop the client.
-- Exits 0 when every check passed; nvim-e2e.sh checks the file on disk and
-- the server's exit status.

local wait_seconds = tonumber(vim.env.ICPLS_E2E_WAIT or '15')
local reused = vim.env.ICPLS_E2E_REUSED
local unused = vim.split(vim.env.ICPLS_E2E_UNUSED or '', ' ', { trimempty = true })

local function say(message)
  io.stdout:write('nvim-e2e: ' .. message .. '\n')
  io.stdout:flush()
end

local function fail(message)
  say('FAIL: ' .. message)
  vim.cmd('cquit 1')
end

local function codes(bufnr)
  local found, seen = {}, {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code and not seen[code] then
      seen[code] = true
      table.insert(found, tostring(code))
    end
  end
  table.sort(found)
  return found
end

local function has_code(bufnr, code)
  return vim.tbl_contains(codes(bufnr), code)
end

local function icpls_client(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'icpls' then
      return client
    end
  end
end

local function main()
  local v = vim.version()
  say(string.format('Neovim %d.%d.%d, %s', v.major, v.minor, v.patch,
    vim.lsp.config and 'vim.lsp.config' or vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client'))

  local setup = _G.icpls_e2e or {}
  if setup.error then
    return fail('the configuration failed: ' .. setup.error)
  end
  say('configuration: ' .. setup.config)

  local bufnr = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  if vim.fn.resolve(path) ~= vim.fn.resolve(vim.env.ICPLS_E2E_DOCUMENT) then
    return fail('the current buffer is ' .. path .. ', not the document')
  end
  if vim.bo[bufnr].filetype ~= 'icp-filing' then
    return fail("filetype is '" .. vim.bo[bufnr].filetype .. "', not 'icp-filing'")
  end

  -- 1. The client starts and icpls publishes its diagnostics.
  local ok = vim.wait(wait_seconds * 1000, function()
    return has_code(bufnr, 'ICP201') and has_code(bufnr, 'ICP102')
  end, 50)
  local client = icpls_client(bufnr)
  if not ok then
    if not client then
      return fail('no icpls client attached to the buffer after ' .. wait_seconds .. ' s')
    end
    return fail('no diagnostics with ICP201 and ICP102 after ' .. wait_seconds .. ' s (codes: '
      .. table.concat(codes(bufnr), ' ') .. ')')
  end
  local codes_before = codes(bufnr)
  say('diagnostics: ' .. table.concat(codes_before, ' '))
  local root = client.config.root_dir
  if vim.fn.resolve(root) ~= vim.fn.resolve(vim.env.ICPLS_E2E_WORKSPACE) then
    return fail('root_dir is ' .. tostring(root) .. ', not the folder with .icpls.json')
  end

  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'ICP406' and d.severity ~= setup.icp406 then
      return fail('ICP406 has severity ' .. d.severity .. ', not ' .. setup.icp406
        .. ': the settings did not reach the server as they should')
    end
  end

  -- 2. The preferred quick fix at the ICP201 diagnostic, as :lua vim.lsp.buf.code_action() does it.
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'ICP201' then
      target = d
    end
  end
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local offered, chosen
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    for _, item in ipairs(items) do
      local action = item[2] or item.action or item -- 0.7–0.9: { client_id, action }; 0.10+: { ctx, action }
      table.insert(offered, (action.isPreferred and '* ' or '  ') .. action.title)
      if action.isPreferred and not chosen then
        chosen = item
      end
    end
    if chosen then
      on_choice(chosen)
    else
      on_choice(nil)
    end
  end
  vim.lsp.buf.code_action()
  if not vim.wait(10000, function() return offered ~= nil end, 20) then
    return fail('no code actions offered at the ICP201 diagnostic within 10 s')
  end
  say('code actions (* preferred):\n    ' .. table.concat(offered, '\n    '))
  if not chosen then
    return fail('none of the code actions at the ICP201 diagnostic is preferred')
  end
  local line
  local applied = vim.wait(10000, function()
    line = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
    return not line:find(reused, 1, true)
  end, 20)
  if not applied then
    return fail('the preferred action did not change the line: ' .. line)
  end
  local named
  for _, number in ipairs(unused) do
    if line:find(number, 1, true) then
      named = number
    end
  end
  if not named then
    return fail('the line now reads ' .. vim.trim(line) .. ': no unused number')
  end
  say('applied: ' .. vim.trim(line))

  -- 3. Save; icpls checks again and ICP201 is gone, ICP102 stays.
  vim.cmd('write')
  if not vim.wait(10000, function()
    return not has_code(bufnr, 'ICP201') and has_code(bufnr, 'ICP102')
  end, 50) then
    return fail('after the fix and :write, diagnostics are ' .. table.concat(codes(bufnr), ' ')
      .. ' (expected ICP201 gone, ICP102 still there)')
  end
  local after = table.concat(codes(bufnr), ' ')
  say('diagnostics after saving: ' .. after)

  for _, message in ipairs(setup.messages or {}) do
    if message.type <= 2 then -- Error, Warning
      return fail('the server showed: ' .. message.message)
    end
  end

  -- 4. Shutdown and exit; nvim-e2e.sh checks the exit status.
  local id = client.id
  client.stop()
  if not vim.wait(10000, function() return vim.lsp.get_client_by_id(id) == nil end, 20) then
    return fail('the client did not stop within 10 s of shutdown')
  end
  say('summary: ' .. setup.config .. ': diagnostics ' .. table.concat(codes_before, ' ') .. '; the preferred fix wrote '
    .. named .. '; then ' .. after)
  vim.cmd('qall!')
end

local ok, err = pcall(main)
if not ok then
  fail('error: ' .. tostring(err))
end
