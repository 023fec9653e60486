#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Turns the YAML fixtures of ../../../../shared/fixtures into the JSON the API server would send,
# so the parser tests read what Specula reads on the wire. SR-IOV files are read with every
# scalar as a string (YAML 1.1 would turn 0000:19:00.0 into a number), then the integer fields
# of the operator's Go types become numbers again. Pod manifests keep YAML's integers, so bare
# quantities such as `mellanox.com/mlnx_rdma: 2` stay JSON numbers, as in hand-written manifests.
import json, sys, yaml

FIX = sys.argv[1] if len(sys.argv) > 1 else '../../../../shared/fixtures'
INT_KEYS = {'numVfs', 'totalvfs', 'mtu', 'vfID', 'Vlan', 'generation', 'port'}

def ints(node):
    if isinstance(node, dict):
        return {k: (int(v) if k in INT_KEYS and isinstance(v, str) and v.lstrip('-').isdigit() else ints(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [ints(v) for v in node]
    return node

def write(name, doc):
    with open(name, 'w') as f:
        json.dump(doc, f, indent=2)
        f.write('\n')

for src, dst in [('sriovnetworknodestate_real_igb-vfio_storm5.yaml', 'sriovnetworknodestate_igb-vfio_storm5.json'),
                 ('sriovnetworknodestatelist_real_i40e-iavf_mlx5_cnfdf06.yaml', 'sriovnetworknodestatelist_i40e-iavf_mlx5_cnfdf06.json')]:
    doc = ints(yaml.load(open(f'{FIX}/{src}'), Loader=yaml.BaseLoader))
    if 'items' in doc and 'metadata' not in doc:
        doc['metadata'] = {'resourceVersion': '3083675'}  # the paste has no List trailer
    write(dst, doc)

for src, dst in [('nad_and_pod_sriov-netdevice.yaml', 'nad_and_pod_sriov-netdevice.json'),
                 ('nad_and_pod_mellanox-rdma.yaml', 'nad_and_pod_mellanox-rdma.json'),
                 ('pod_gpu_plus_rdma-shared_network-operator.yaml', 'pod_gpu_plus_rdma-shared.json')]:
    docs = [d for d in yaml.safe_load_all(open(f'{FIX}/{src}')) if d]
    write(dst, {'apiVersion': 'v1', 'kind': 'List', 'metadata': {'resourceVersion': '1'}, 'items': docs})
