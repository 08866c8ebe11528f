#!/usr/bin/env bash
# Installs the one-folder Investor Briefing app (dist/investor-briefing from `make package`)
# with its desktop integration, or removes it again.
#
#   packaging/linux/install.sh dist/investor-briefing             # ~/.local (root: /usr/local)
#   packaging/linux/install.sh --prefix /opt/ib dist/investor-briefing
#   packaging/linux/install.sh --destdir "$PWD/stage" --prefix /usr dist/investor-briefing
#   packaging/linux/install.sh --uninstall                        # what the install put there
#
# Under PREFIX (all prefixed with DESTDIR when given, for building a package):
#   lib/investor-briefing/                 the app folder, copied as it is
#   bin/investor-briefing                  symlink to lib/investor-briefing/investor-briefing
#   share/applications/org.investorbriefing.briefing.desktop
#   share/metainfo/org.investorbriefing.briefing.metainfo.xml
#   share/icons/hicolor/*/apps/org.investorbriefing.briefing.{png,svg}
# Every path it creates is listed in lib/investor-briefing/.install-manifest, and
# --uninstall removes exactly those (directories only when it created them and they are
# empty). The .desktop file and icons come from the app folder's bundled resources/, or
# from this source tree's when the app folder has none.
set -euo pipefail

readonly APP_ID="org.investorbriefing.briefing"
readonly EXECUTABLE="investor-briefing"
readonly MANIFEST_NAME=".install-manifest"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The .desktop file and icons: the copy bundled in the app folder (PyInstaller puts
# resources/ in _internal/), else this source tree's.
RESOURCES="${SCRIPT_DIR}/../../resources"

usage() {
  cat <<EOF
usage: $(basename "$0") [--prefix PREFIX] [--destdir DIR] APP_FOLDER
       $(basename "$0") [--prefix PREFIX] [--destdir DIR] --uninstall

Installs the built one-folder app (the folder holding the '${EXECUTABLE}' executable) under
PREFIX (default: ~/.local, or /usr/local as root), with its .desktop file, AppStream metadata
and icons; --uninstall removes what an earlier install under the same PREFIX put there.
EOF
}

fail() {
  echo "install.sh: $*" >&2
  exit 1
}

prefix=""
destdir=""
uninstall=0
app_folder=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --destdir) [ $# -ge 2 ] || fail "--destdir needs a folder"; destdir="$2"; shift 2 ;;
    --destdir=*) destdir="${1#--destdir=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; fail "unknown option: $1" ;;
    *) [ -z "$app_folder" ] || fail "one app folder only (got '$app_folder' and '$1')"
       app_folder="$1"; shift ;;
  esac
done

if [ -z "$prefix" ]; then
  if [ "$(id -u)" -eq 0 ]; then prefix="/usr/local"; else prefix="${HOME}/.local"; fi
fi
case "$prefix" in
  /*) ;;
  *) fail "--prefix must be an absolute path (got '$prefix')" ;;
esac
# The .desktop file's Exec line would need escaping for these; a space is quoted below.
case "$prefix" in
  *[\"\'\\\$\`%\|]*) fail "--prefix holds a character the menu entry cannot name: '$prefix'" ;;
esac
prefix="${prefix%/}"
if [ -n "$destdir" ]; then
  mkdir -p -- "$destdir"
  destdir="$(cd "$destdir" && pwd)"
  destdir="${destdir%/}"
fi

readonly LIB_DIR="${prefix}/lib/${EXECUTABLE}"
readonly MANIFEST="${destdir}${LIB_DIR}/${MANIFEST_NAME}"

# What this run has created, as "kind path" lines (paths without DESTDIR): file, link,
# tree (the app folder, removed whole) and dir (created here, removed if empty).
created=()

make_dir() {
  local path="$1" missing=()
  while [ "$path" != "/" ] && [ ! -d "${destdir}${path}" ]; do
    missing=("$path" "${missing[@]}")
    path="$(dirname "$path")"
  done
  for path in "${missing[@]}"; do
    mkdir -m 755 "${destdir}${path}"
    created+=("dir ${path}")
  done
}

# Removes what the given "kind path" lines name, files first, then directories deepest first.
remove_entries() {
  local entry kind path index
  for entry in "$@"; do
    kind="${entry%% *}"
    path="${entry#* }"
    case "$kind" in
      file | link) rm -f -- "${destdir}${path}" ;;
      tree)
        # Never more than the app folder this script names, whatever the manifest says.
        [ "$path" = "$LIB_DIR" ] || fail "manifest names an unexpected folder: $path"
        rm -rf -- "${destdir:?}${path}" ;;
    esac
  done
  for ((index = $# ; index >= 1 ; index--)); do
    entry="${!index}"
    if [ "${entry%% *}" = "dir" ]; then
      rmdir -- "${destdir}${entry#* }" 2>/dev/null || true
    fi
  done
}

refresh_caches() {
  # Only for a live install: with DESTDIR the package manager refreshes them on install.
  [ -z "$destdir" ] || return 0
  local applications="${prefix}/share/applications" hicolor="${prefix}/share/icons/hicolor"
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$applications" ]; then
    update-desktop-database -q "$applications" || echo "note: update-desktop-database failed" >&2
  fi
  # A theme without a cache is read directly; one with a cache must have it rebuilt, or the
  # new icons stay invisible until it is.
  if [ -f "${hicolor}/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$hicolor" || echo "note: gtk-update-icon-cache failed" >&2
  elif [ -d "$hicolor" ]; then
    touch "$hicolor"
  fi
}

read_manifest() {
  [ -f "$MANIFEST" ] || return 1
  mapfile -t previous <"$MANIFEST"
}

# Whether the earlier install (its manifest read into "previous") put this file or link there.
was_installed() {
  local entry
  for entry in "${previous[@]}"; do
    [ "${entry#* }" != "$1" ] || [ "${entry%% *}" = "dir" ] || return 0
  done
  return 1
}

if [ "$uninstall" -eq 1 ]; then
  [ -z "$app_folder" ] || fail "--uninstall takes no app folder"
  previous=()
  read_manifest || fail "nothing to uninstall: no ${MANIFEST} (installed with another --prefix?)"
  remove_entries "${previous[@]}"
  refresh_caches
  echo "removed Investor Briefing from ${destdir}${prefix} (${#previous[@]} entries)"
  exit 0
fi

[ -n "$app_folder" ] || { usage >&2; fail "no app folder given"; }
[ -d "$app_folder" ] || fail "app folder not found: $app_folder"
if ! { [ -f "${app_folder}/${EXECUTABLE}" ] && [ -x "${app_folder}/${EXECUTABLE}" ]; }; then
  fail "${app_folder} holds no executable '${EXECUTABLE}' (build it with: make package)"
fi
if [ -f "${app_folder}/_internal/resources/linux/${APP_ID}.desktop" ]; then
  RESOURCES="${app_folder}/_internal/resources"
fi
readonly RESOURCES
for needed in "linux/${APP_ID}.desktop" "linux/${APP_ID}.metainfo.xml" "icons/hicolor"; do
  [ -e "${RESOURCES}/${needed}" ] || fail "missing ${RESOURCES}/${needed}"
done

# Everything that will be written, checked before anything is: never overwrite a file this
# script did not put there.
icon_sources=()
while IFS= read -r -d '' icon; do
  icon_sources+=("${icon#"${RESOURCES}/icons/hicolor/"}")
done < <(find "${RESOURCES}/icons/hicolor" -type f -path "*/apps/${APP_ID}.*" -print0 | sort -z)
[ ${#icon_sources[@]} -gt 0 ] || fail "no icons under ${RESOURCES}/icons/hicolor"
targets=("$LIB_DIR" "${prefix}/bin/${EXECUTABLE}"
  "${prefix}/share/applications/${APP_ID}.desktop"
  "${prefix}/share/metainfo/${APP_ID}.metainfo.xml")
for icon in "${icon_sources[@]}"; do
  targets+=("${prefix}/share/icons/hicolor/${icon}")
done
# An earlier install under this prefix is replaced: what its manifest lists may be
# overwritten, and is removed first.
previous=()
read_manifest || true
for target in "${targets[@]}"; do
  if { [ -e "${destdir}${target}" ] || [ -L "${destdir}${target}" ]; } && ! was_installed "$target"; then
    fail "${destdir}${target} exists and was not installed by this script; remove it first"
  fi
done
if [ ${#previous[@]} -gt 0 ]; then
  echo "replacing the copy installed in ${destdir}${prefix}"
  remove_entries "${previous[@]}"
fi

undo_on_failure() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    echo "install.sh: failed, undoing this install" >&2
    remove_entries "${created[@]}"
  fi
}
# From here on a failure undoes what this run did.
trap undo_on_failure EXIT

make_dir "$(dirname "$LIB_DIR")"
staging="$(mktemp -d "${destdir}$(dirname "$LIB_DIR")/.${EXECUTABLE}.XXXXXX")"
cp -a -- "${app_folder}/." "$staging"
chmod 755 "$staging"
mv -- "$staging" "${destdir}${LIB_DIR}"
created+=("tree ${LIB_DIR}")

make_dir "${prefix}/bin"
# Relative, so the link also works inside DESTDIR and after the tree is moved as a whole.
ln -s "../lib/${EXECUTABLE}/${EXECUTABLE}" "${destdir}${prefix}/bin/${EXECUTABLE}"
created+=("link ${prefix}/bin/${EXECUTABLE}")

# The launcher names the executable by absolute path: ~/.local/bin is not on every
# desktop session's PATH.
make_dir "${prefix}/share/applications"
desktop_file="${prefix}/share/applications/${APP_ID}.desktop"
exec_path="${prefix}/bin/${EXECUTABLE}"
case "$exec_path" in
  *" "*) exec_path="\"${exec_path}\"" ;;
esac
sed -e "s|^Exec=${EXECUTABLE} |Exec=${exec_path} |" \
  -e "s|^TryExec=${EXECUTABLE}\$|TryExec=${prefix}/bin/${EXECUTABLE}|" \
  "${RESOURCES}/linux/${APP_ID}.desktop" >"${destdir}${desktop_file}"
chmod 644 "${destdir}${desktop_file}"
created+=("file ${desktop_file}")

make_dir "${prefix}/share/metainfo"
install -m 644 "${RESOURCES}/linux/${APP_ID}.metainfo.xml" "${destdir}${prefix}/share/metainfo/"
created+=("file ${prefix}/share/metainfo/${APP_ID}.metainfo.xml")

for icon in "${icon_sources[@]}"; do
  make_dir "$(dirname "${prefix}/share/icons/hicolor/${icon}")"
  install -m 644 "${RESOURCES}/icons/hicolor/${icon}" "${destdir}${prefix}/share/icons/hicolor/${icon}"
  created+=("file ${prefix}/share/icons/hicolor/${icon}")
done

printf '%s\n' "${created[@]}" >"${MANIFEST}.tmp"
mv -- "${MANIFEST}.tmp" "$MANIFEST"
trap - EXIT

refresh_caches
echo "installed Investor Briefing in ${destdir}${prefix}: run '${prefix}/bin/${EXECUTABLE}'"
case ":${PATH}:" in
  *":${prefix}/bin:"*) ;;
  *) [ -n "$destdir" ] || echo "note: ${prefix}/bin is not on your PATH; the menu entry works without it" ;;
esac
