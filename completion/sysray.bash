# SPDX-License-Identifier: Apache-2.0
# bash completion for sysray: subcommands, each one's options, and sysdig's field names
# (from `sysray -l`, read once per shell) in filters and -p templates.

# The field names sysray knows, one per line.
_sysray_fields()
{
	if [[ -z ${_sysray_field_cache-} ]]; then
		_sysray_field_cache=$("${1:-sysray}" -l 2>/dev/null |
			sed -n 's/^\([a-z][a-z0-9_]*\.[A-Za-z0-9_.]*\)[[:space:]].*/\1/p')
	fi
	printf '%s\n' "$_sysray_field_cache"
}

# The chisel names `sysray -cl` lists.
_sysray_chisels()
{
	"${1:-sysray}" -cl 2>/dev/null | sed -n 's/^\([a-z][a-z0-9_]*\)\( .*\)\{0,1\}$/\1/p'
}

# sysdig mode: options, files after -r/-w, field names in filters and after % in -p.
_sysray_sysdig()
{
	local cur=$1 prev=$2 sysray=$3
	local opts="-r --read -p --print -pc -pcontainer -pk -pkubernetes -pm -pmesos -j --json
		-n --numevents -M -s --snaplen -w --write -z --compress -C --file-size -G --seconds
		-W --limit -t --timetype -A --print-ascii -X --print-hex-ascii -x --print-hex
		-b --print-base64 -S --summary -q --quiet -P --progress -N -d --displayflt -F
		--fatfile --unbuffered --trace -l --list -L --list-events -v --verbose --version -h --help
		-c --chisel -cl --list-chisels -i --chisel-info"

	case $prev in
	-r | --read | -w | --write)
		_filedir
		return
		;;
	-c | --chisel | -i | --chisel-info)
		COMPREPLY=($(compgen -W "$(_sysray_chisels "$sysray")" -- "$cur"))
		return
		;;
	-t | --timetype)
		COMPREPLY=($(compgen -W "h a r d D" -- "$cur"))
		return
		;;
	-n | --numevents | -M | -s | --snaplen | -C | --file-size | -G | --seconds | -W | --limit)
		return
		;;
	esac
	if [[ $cur == -p*%* ]]; then
		local field=${cur##*%}
		local pre=${cur%"$field"}
		COMPREPLY=($(compgen -P "$pre" -W "$(_sysray_fields "$sysray")" -- "$field"))
		compopt -o nospace 2>/dev/null
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -W "$(_sysray_fields "$sysray") and or not in contains exists" \
		-- "$cur"))
}

_sysray_trace()
{
	local cur=$1 prev=$2 i
	local opts="-c -C -d -D -f -ff -F -h -i -q -qq -r -t -tt -ttt -T -v -V -w -x -xx -y -yy
		-z -Z -a -b -e -E -I -o -O -p -P -s -S -u -U -X --attach= --columns= --env=
		--follow-forks --output-separately --help --output= --trace-path= --string-limit=
		--user= --no-abbrev --version --const-print-style= --successful-only --failed-only
		--seccomp-bpf --backend= --trace= --signal= --status= --abbrev= --verbose= --raw= --read=
		--write= --decode-fds --quiet --strings-in-hex --inject= --fault= --summary-only
		--summary --summary-wall-clock --summary-sort-by= --summary-columns=
		--absolute-timestamps --relative-timestamps --syscall-times --timestamps --snaplen=
		-Y -DD -DDD -qqq --decode-pids= --pidns-translation --silence --daemonize
		--detach-on= --instruction-pointer --interruptible= --summary-syscall-overhead="

	# after the command's name, complete as for that command
	for ((i = 2; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-[aeEIoOpPsSuUXb]) ((i++)) ;;
		-*) ;;
		*)
			_command_offset "$i"
			return
			;;
		esac
	done
	case $prev in
	-o | --output | -P | --trace-path | -w)
		_filedir
		return
		;;
	-p)
		COMPREPLY=($(compgen -W "$(command ps -eo pid= 2>/dev/null)" -- "$cur"))
		return
		;;
	-u)
		COMPREPLY=($(compgen -u -- "$cur"))
		return
		;;
	-S)
		COMPREPLY=($(compgen -W "time calls errors name avg_time min_time max_time none" \
			-- "$cur"))
		return
		;;
	-X)
		COMPREPLY=($(compgen -W "raw abbrev verbose" -- "$cur"))
		return
		;;
	-e)
		COMPREPLY=($(compgen -W "trace= abbrev= verbose= raw= signal= status= read= write=
			inject= fault=" -- "$cur"))
		compopt -o nospace 2>/dev/null
		return
		;;
	-a | -E | -I | -O | -s | -U | -b)
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace 2>/dev/null
		return
	fi
	COMPREPLY=($(compgen -c -- "$cur"))
}

_sysray()
{
	local cur prev words cword
	_init_completion || return
	local sysray=${words[0]}
	local cmds="trace top detect ps pstree lsof netstat ss env proc seccomp capture scap-dump demo help"

	if ((cword == 1)) && [[ $cur != -* ]]; then
		COMPREPLY=($(compgen -W "$cmds $(_sysray_fields "$sysray")" -- "$cur"))
		return
	fi
	case ${words[1]} in
	trace)
		_sysray_trace "$cur" "$prev"
		;;
	ps)
		case $prev in
		-p) COMPREPLY=($(compgen -W "$(command ps -eo pid= 2>/dev/null)" -- "$cur")) ;;
		-o) COMPREPLY=($(compgen -W "pid ppid pgid sid uid user gid group comm args cmd
			state tty time etime stime c pcpu pmem rss vsz nlwp ni pri" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "-e -f -o -p -j -h" -- "$cur")) ;;
		esac
		;;
	pstree | env | proc)
		local o="-j -h"
		[[ ${words[1]} == pstree ]] && o="-A -p -l -j -h"
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$o" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(command ps -eo pid= 2>/dev/null)" -- "$cur"))
		fi
		;;
	lsof)
		case $prev in
		-p) COMPREPLY=($(compgen -W "$(command ps -eo pid= 2>/dev/null)" -- "$cur")) ;;
		*)
			if [[ $cur == -* ]]; then
				COMPREPLY=($(compgen -W "-n -P -p -i -j -h" -- "$cur"))
			else
				_filedir
			fi
			;;
		esac
		;;
	top)
		case $prev in
		-r | --readfile)
			_filedir
			;;
		-v | --view)
			COMPREPLY=($(compgen -W "$("$sysray" top --list-views 2>/dev/null |
				grep -o '"id": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')" -- "$cur"))
			;;
		-d | --delay | -n | --numevents | -s | --snaplen) ;;
		--bpf-buffer)
			COMPREPLY=($(compgen -W "1 2 4 8 16 32 64 128 256" -- "$cur"))
			;;
		*)
			if [[ $cur == -* ]]; then
				COMPREPLY=($(compgen -W "-r --readfile -v --view -d --delay -n
					--numevents -s --snaplen --bpf-buffer -pc -pcontainer -j --json
					--raw --list-views -h --help" -- "$cur"))
			else
				COMPREPLY=($(compgen -W "$(_sysray_fields "$sysray") and or not" \
					-- "$cur"))
			fi
			;;
		esac
		;;
	netstat)
		COMPREPLY=($(compgen -W "-t -u -x -l -a -n -p -e -W -j -h" -- "$cur"))
		;;
	ss)
		COMPREPLY=($(compgen -W "-t -u -x -l -a -n -p -j -h" -- "$cur"))
		;;
	seccomp)
		if ((cword == 2)); then
			COMPREPLY=($(compgen -W "status record check run" -- "$cur"))
			return
		fi
		case $prev in
		-o | --output)
			_filedir
			return
			;;
		--merge | --profile | --compare)
			_filedir
			COMPREPLY+=($(compgen -W "docker-default" -- "$cur"))
			return
			;;
		--default-action)
			COMPREPLY=($(compgen -W "ERRNO KILL LOG TRACE" -- "$cur"))
			return
			;;
		--mode)
			COMPREPLY=($(compgen -W "enforce log report" -- "$cur"))
			return
			;;
		esac
		local o
		case ${words[2]} in
		record) o="-o --output --default-action --merge --compare --caps --" ;;
		check) o="--bpf --caps -v --verbose --profile" ;;
		run) o="--profile --allow --deny --mode --deny-after-report --caps --" ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$o" -- "$cur"))
		elif [[ ${words[2]} == check ]]; then
			_filedir json
			COMPREPLY+=($(compgen -W "docker-default" -- "$cur"))
		elif [[ ${words[2]} == status ]]; then
			COMPREPLY=($(compgen -W "$(command ps -eo pid= 2>/dev/null)" -- "$cur"))
		else
			COMPREPLY=($(compgen -c -- "$cur"))
		fi
		;;
	capture)
		case $prev in
		-w) _filedir ;;
		-n | -M | -s | -b | --pid | --syscalls) ;;
		*) COMPREPLY=($(compgen -W "-n -M --pid --syscalls -s -b -q --count -w -z -h" \
			-- "$cur")) ;;
		esac
		;;
	scap-dump)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--meta -q -w -z -h" -- "$cur"))
		else
			_filedir
		fi
		;;
	demo | help) ;;
	*)
		_sysray_sysdig "$cur" "$prev" "$sysray"
		;;
	esac
}
complete -F _sysray sysray
