#!/usr/bin/env python3
"""Writes a user's-pod file for each pattern cell of a results.json: the Job and scripts ConfigMap the suite sent, as a
user would write them by hand (scripts ConfigMap renamed, the in-image memory hog's switch removed so that the
own-pod fault acts instead, the deletion's grace period written into the spec). Usage:
make-equivalents.py results.json outdir pattern/sidecar/variant/fault:fireOn ..."""
import json, sys, yaml, os

res = json.load(open(sys.argv[1]))
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
for spec in sys.argv[3:]:
    cell, fire_on = spec.split(':', 1)
    pattern, sidecar, variant, fault = cell.split('/')
    run = next(r for r in res['results'] if (r['key']['pattern'], r['key']['sidecar'], r['key']['variant'], r['key']['fault'])
               == (pattern, sidecar, variant, fault))
    text = lambda a: a.get('manifest') or res['manifests'][a['manifestRef']]
    docs = {a['kind']: yaml.safe_load(text(a)) for a in run['applied'] if a['kind'] in ('ConfigMap', 'Job')}
    cm, job = docs['ConfigMap'], docs['Job']
    cm['metadata'] = {'name': 'pattern-scripts'}
    job['metadata'] = {'name': f'{pattern}-{sidecar}-{variant.replace("+", "-")}-{fault}'}
    job['spec'].pop('selector', None)
    pod = job['spec']['template']
    pod['metadata'] = {}
    for v in pod['spec'].get('volumes', []):
        if v.get('configMap', {}).get('name') == 'sc-scripts':
            v['configMap']['name'] = 'pattern-scripts'
    for c in pod['spec'].get('containers', []) + pod['spec'].get('initContainers', []):
        c['env'] = [e for e in c.get('env', []) if e['name'] not in ('SC_FAULT_SIDECAR', 'SC_FAULT_MAIN', 'SC_OOM_MB')]
    if fault == 'sigterm':
        pod['spec']['terminationGracePeriodSeconds'] = 15
    header = (f"# {pattern} / {sidecar} / {variant} under {fault}, written out by hand: the Job and scripts the suite sent for\n"
              f"# that cell, with the scripts ConfigMap renamed{', the in-image hog switch removed' if 'oom' in fault else ''}"
              f"{', the grace period of the deletion (15 s) in the spec' if fault == 'sigterm' else ''}.\n"
              f"# Run:   mvn verify -Dworkload=<this file> -Dfaults={fault} -Dworkload.fireOn='{fire_on}'\n")
    path = os.path.join(out, f'{pattern}-{sidecar}-{variant.replace("+", "-")}-{fault}.yaml')
    with open(path, 'w') as f:
        f.write(header)
        yaml.safe_dump_all([cm, job], f, sort_keys=False, width=200)
    print(path)
