#!/bin/sh
# /usr/bin/addressbook from the harvest-contacts package: the bundle lives in /opt.
exec /opt/harvest-contacts/addressbook "$@"
