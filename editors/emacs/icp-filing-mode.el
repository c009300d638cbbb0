;;; icp-filing-mode.el --- Major mode for ICP filing documents (*.icp.json) -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages, tools

;;; Commentary:

;; `icp-filing-mode' edits ICP filing documents for Alibaba Cloud
;; (*.icp.json, JSON with comments).  It derives from `js-json-mode'
;; where that exists (Emacs 29+), else from `js-mode' (Emacs 28).
;;
;; With Eglot (built in from Emacs 29; from GNU ELPA, or Debian's
;; elpa-eglot, on Emacs 28) it runs the language server `icpls lsp':
;;
;;   (require 'icp-filing-mode)
;;   (add-hook 'icp-filing-mode-hook #'eglot-ensure)
;;
;; The workspace root is the nearest folder holding .icpls.json, else
;; the project (for example the Git repository).  `icp-filing-settings'
;; is sent as initializationOptions.

;;; Code:

(require 'js)

(defgroup icp-filing nil
  "ICP filing documents, checked by icpls."
  :group 'languages
  :prefix "icp-filing-")

(defcustom icp-filing-icpls-program "icpls"
  "The icpls executable: a name found on `exec-path', or a file name."
  :type 'string)

(defcustom icp-filing-settings nil
  "Settings sent to icpls as initializationOptions, as a plist.
For example (:asOf \"2026-11-23\" :rules (:ICP406 \"warning\")).
They apply over the .icpls.json at the workspace root, member by
member.  Restart the server (\\[eglot-reconnect]) after changing them."
  :type 'sexp)

(defalias 'icp-filing--parent-mode
  (if (fboundp 'js-json-mode) #'js-json-mode #'js-mode)
  "The mode `icp-filing-mode' derives from.")

(defun icp-filing--project-find (dir)
  "The project of DIR: the nearest folder above it with .icpls.json."
  (let ((root (locate-dominating-file dir ".icpls.json")))
    (and root (cons 'transient (expand-file-name root)))))

;;;###autoload
(define-derived-mode icp-filing-mode icp-filing--parent-mode "ICP-Filing"
  "Major mode for ICP filing documents (*.icp.json), checked by icpls."
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (add-hook 'project-find-functions #'icp-filing--project-find nil t))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.icp\\.json\\'" . icp-filing-mode))

;;; Eglot

(defvar eglot-server-programs)

(defun icp-filing--eglot-contact (&optional _interactive _project)
  "How Eglot starts icpls for `icp-filing-mode'."
  (list 'icp-filing-eglot-server icp-filing-icpls-program "lsp"))

(with-eval-after-load 'eglot
  (defclass icp-filing-eglot-server (eglot-lsp-server) ()
    :documentation "The icpls language server.")
  (cl-defmethod eglot-initialization-options ((_server icp-filing-eglot-server))
    "Send `icp-filing-settings', or an empty object."
    (or icp-filing-settings (make-hash-table)))
  (add-to-list 'eglot-server-programs
               '(icp-filing-mode . icp-filing--eglot-contact)))

(provide 'icp-filing-mode)
;;; icp-filing-mode.el ends here
