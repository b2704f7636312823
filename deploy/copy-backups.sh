#!/bin/sh
# Copies the bot's daily backups (DATA_DIR/backups) to BACKUP_DEST, off this machine: a folder on a
# mounted share, or an rsync-over-SSH target such as backup@fileserver:/srv/backup/thidua.
# Files already copied are left alone (a backup never changes once written); nothing is deleted there.
# Usage: BACKUP_DEST=… deploy/copy-backups.sh [BACKUPS_DIR]   (default: data/backups)
set -eu
src="${1:-data/backups}"
dest="${BACKUP_DEST:?set BACKUP_DEST: a mounted folder or user@host:/path}"
newest=$(ls -1 "$src"/store-*.snapshot 2>/dev/null | sort | tail -n 1)
if [ -z "$newest" ]; then
  echo "copy-backups: no backup in $src (is the bot running? it writes one a day)" >&2
  exit 1
fi
# Today's (Vietnam) backup should be there by now: say so when it is not, and copy what there is.
today=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
case "$newest" in
  *"store-$today.snapshot") ;;
  *) echo "copy-backups: WARNING the newest backup is $(basename "$newest"), not today's ($today)" >&2 ;;
esac
case "$dest" in
  *:*) ;; # a remote folder: made beforehand (docs/deploy.md)
  *) mkdir -p "$dest" ;;
esac
if command -v rsync >/dev/null 2>&1; then
  rsync -a --ignore-existing "$src/" "$dest/"
else
  case "$dest" in
    *:*) echo "copy-backups: rsync is needed for $dest (apt-get install rsync)" >&2; exit 1 ;;
  esac
  cp -R -p -n "$src/." "$dest/"
fi
echo "copy-backups: $src copied to $dest (newest: $(basename "$newest"))"
