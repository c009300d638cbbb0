;;; emacs-e2e.el --- Batch Emacs end-to-end test of icpls with Eglot  -*- lexical-binding: t; -*-

;; Run by emacs-e2e.sh as `emacs --batch -Q -l emacs-e2e.el', with the
;; ICPLS_E2E_* variables set.  The first part is the user's init file, as
;; editors/emacs/README.md says; the second drives Emacs through the test:
;; open the document, wait for icpls's diagnostics in Flymake, apply the
;; preferred quick fix for ICP201 with `eglot-code-actions' (its prompt
;; answered with its default, the preferred action), save, wait for the new
;; diagnostics, shut the server down.  Exits 0 when every check passed;
;; emacs-e2e.sh checks the file on disk and the server's exit status.

;;; Code:

(require 'cl-lib)

(defun e2e-say (format-string &rest args)
  (princ (concat "emacs-e2e: " (apply #'format format-string args) "\n")))

(defvar e2e-server nil "The Eglot connection, once there is one.")

(defun e2e-save-events ()
  "Write Eglot's log of the JSON-RPC traffic to eglot-events.log."
  (when-let ((buffer (and e2e-server (get-buffer (jsonrpc-events-buffer e2e-server)))))
    (with-current-buffer buffer
      (let ((inhibit-message t))
        (write-region nil nil (expand-file-name "eglot-events.log" e2e-work) nil 'silent)))))

(defun e2e-fail (format-string &rest args)
  (e2e-say "FAIL: %s" (apply #'format format-string args))
  (ignore-errors (e2e-save-events))
  (kill-emacs 1))

(defconst e2e-wait (string-to-number (or (getenv "ICPLS_E2E_WAIT") "15")))
(defconst e2e-work (getenv "ICPLS_E2E_WORK"))

;;; The user's init file

;; Eglot: built into Emacs 29+; on Emacs 28, Debian's elpa-eglot (1.9).
(require 'package)
(setq package-user-dir (expand-file-name "elpa" e2e-work))
(when (file-directory-p "/usr/share/emacs/site-lisp/elpa")
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa"))
(package-initialize)

(add-to-list 'load-path (expand-file-name "emacs" (getenv "ICPLS_E2E_EDITORS")))
(require 'icp-filing-mode)
(add-hook 'icp-filing-mode-hook #'eglot-ensure)
(setq icp-filing-icpls-program (getenv "ICPLS_E2E_SERVER_CMD"))
;; Checked below: ICP406 is then a warning, not an error.
(setq icp-filing-settings '(:rules (:ICP406 "warning")))

;;; The test

(setq eglot-sync-connect t
      eglot-connect-timeout e2e-wait)

(defvar e2e-messages nil "What the server showed the user (window/showMessage).")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest args)
              (when (eq method 'window/showMessage)
                (push (list (plist-get args :type) (plist-get args :message))
                      e2e-messages))))

;; Eglot 1.9's `eglot-shutdown' sends exit and at once deletes the process
;; (`jsonrpc-shutdown'), so a server never gets to exit on its own.  Give it
;; 5 s, as a server must exit by itself on exit.
(defvar e2e-exited-by-itself nil)
(defun e2e-let-server-exit (conn &rest _)
  "Wait up to 5 s for the process of CONN to end by itself."
  (let ((proc (jsonrpc--process conn))
        (deadline (+ (float-time) 5)))
    (while (and (process-live-p proc) (< (float-time) deadline))
      (accept-process-output proc 0.05))
    (setq e2e-exited-by-itself (not (process-live-p proc)))))
(advice-add 'jsonrpc-shutdown :before #'e2e-let-server-exit)

(defun e2e-wait-for (seconds predicate)
  "Process events until PREDICATE holds, for at most SECONDS."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun e2e-lsp-diagnostic (diagnostic)
  (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))))

(defun e2e-codes ()
  "The codes of the Flymake diagnostics of the buffer, sorted."
  (sort (delete-dups
         (cl-loop for d in (flymake-diagnostics)
                  for code = (plist-get (e2e-lsp-diagnostic d) :code)
                  when code collect (format "%s" code)))
        #'string<))

(defun e2e-has (code) (member code (e2e-codes)))

(defun e2e-find (code)
  (cl-find-if (lambda (d) (equal (plist-get (e2e-lsp-diagnostic d) :code) code))
              (flymake-diagnostics)))

(defun e2e-current-line ()
  (string-trim (buffer-substring-no-properties
                (line-beginning-position) (line-end-position))))

(defvar e2e-eglot-version nil)

(defun e2e-main ()
  (setq e2e-eglot-version
        (or (ignore-errors (package-version-join (package-desc-version
                                                  (cadr (assq 'eglot package-alist)))))
            "built in"))
  (e2e-say "Emacs %s, Eglot %s" emacs-version e2e-eglot-version)
  (find-file (getenv "ICPLS_E2E_DOCUMENT"))
  (unless (eq major-mode 'icp-filing-mode)
    (e2e-fail "the major mode is %s, not icp-filing-mode" major-mode))
  (let ((parent (if (fboundp 'js-json-mode) 'js-json-mode 'js-mode)))
    (unless (derived-mode-p parent)
      (e2e-fail "icp-filing-mode does not derive from %s" parent)))
  ;; `eglot-ensure' connects after the command that visited the file.
  (run-hooks 'post-command-hook)
  (let ((server (eglot-current-server))
        (reused (getenv "ICPLS_E2E_REUSED"))
        (unused (split-string (getenv "ICPLS_E2E_UNUSED")))
        before after fixed)
    (unless server
      (e2e-fail "Eglot did not connect to the server"))
    (setq e2e-server server)
    (unless (file-equal-p (project-root (eglot--project server))
                          (getenv "ICPLS_E2E_WORKSPACE"))
      (e2e-fail "the project root is %s, not the folder with .icpls.json"
                (project-root (eglot--project server))))

    ;; 1. icpls's diagnostics, through Flymake.
    (flymake-start)
    (unless (e2e-wait-for e2e-wait (lambda () (and (e2e-has "ICP201") (e2e-has "ICP102"))))
      (e2e-fail "no diagnostics with ICP201 and ICP102 after %s s (codes: %s)"
                e2e-wait (string-join (e2e-codes) " ")))
    (setq before (e2e-codes))
    (e2e-say "diagnostics: %s" (string-join before " "))
    (unless (eq (flymake-diagnostic-type (e2e-find "ICP406")) 'eglot-warning)
      (e2e-fail "ICP406 is %s, not a warning: icp-filing-settings did not reach the server"
                (flymake-diagnostic-type (e2e-find "ICP406"))))

    ;; 2. The preferred quick fix, as M-x eglot-code-actions RET applies it.
    (goto-char (flymake-diagnostic-beg (e2e-find "ICP201")))
    (let* ((actions (eglot-code-actions (point) nil))
           (preferred (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions))
           offered)
      (e2e-say "code actions (* preferred):\n    %s"
               (mapconcat (lambda (a) (concat (if (eq (plist-get a :isPreferred) t) "* " "  ")
                                              (plist-get a :title)))
                          actions "\n    "))
      (unless preferred
        (e2e-fail "none of the %d code actions at the ICP201 diagnostic is preferred"
                  (length actions)))
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt collection &optional _pred _req _init _hist default &rest _)
                   (setq offered (mapcar #'car collection))
                   default)))
        (let ((last-nonmenu-event ?\r)) ; a key, not a mouse click: no popup menu
          (call-interactively #'eglot-code-actions)))
      (when (and offered (not (member (plist-get preferred :title) offered)))
        (e2e-fail "the prompt did not offer the preferred action")))
    (goto-char (flymake-diagnostic-beg (or (e2e-find "ICP201") (point-min))))
    (unless (e2e-wait-for 10 (lambda ()
                               (save-excursion
                                 (goto-char (point-min))
                                 (not (search-forward reused nil t)))))
      (e2e-fail "the preferred action did not replace the reused number"))
    (setq fixed (cl-find-if (lambda (n) (save-excursion
                                          (goto-char (point-min))
                                          (search-forward n nil t)))
                            unused))
    (unless fixed
      (e2e-fail "the document names none of the unused numbers after the fix"))
    (save-excursion
      (goto-char (point-min))
      (search-forward fixed)
      (e2e-say "applied: %s" (e2e-current-line)))

    ;; 3. Save; icpls checks again: ICP201 is gone, ICP102 stays.
    (save-buffer)
    (unless (e2e-wait-for 10 (lambda () (and (not (e2e-has "ICP201")) (e2e-has "ICP102"))))
      (e2e-fail "after the fix and saving, diagnostics are %s (expected ICP201 gone, ICP102 still there)"
                (string-join (e2e-codes) " ")))
    (setq after (e2e-codes))
    (unless (eq (flymake-diagnostic-type (e2e-find "ICP406")) 'eglot-warning)
      (e2e-fail "after saving, ICP406 is %s, not a warning: the server lost icp-filing-settings"
                (flymake-diagnostic-type (e2e-find "ICP406"))))
    (e2e-say "diagnostics after saving: %s" (string-join after " "))
    (dolist (message e2e-messages)
      (when (<= (car message) 2) ; Error, Warning
        (e2e-fail "the server showed: %s" (cadr message))))

    ;; 4. Shutdown and exit; emacs-e2e.sh checks the exit status.
    (let ((proc (jsonrpc--process server)))
      (eglot-shutdown server nil 5 t)
      (e2e-save-events)
      (unless e2e-exited-by-itself
        (e2e-fail "the server did not exit within 5 s of the exit notification"))
      (unless (and (eq (process-status proc) 'exit) (zerop (process-exit-status proc)))
        (e2e-fail "the server ended with %s %s" (process-status proc) (process-exit-status proc))))
    (e2e-say "summary: Emacs %s, Eglot %s: diagnostics %s; the preferred fix wrote %s; then %s"
             emacs-version e2e-eglot-version
             (string-join before " ") fixed (string-join after " "))))

(condition-case err
    (e2e-main)
  (error (e2e-fail "error: %s" (error-message-string err))))
(kill-emacs 0)

;;; emacs-e2e.el ends here
