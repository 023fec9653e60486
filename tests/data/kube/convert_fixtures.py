#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Turns the YAML fixtures of ../../../../shared/fixtures into the JSON the API server would send,
# so the parser tests read what Specula reads on the wire. SR-IOV files are read with every
# scalar as a string (YAML 1.1 would turn 0000:19:00.0 into a number), then the integer fields
# of the operator's Go types become numbers again. Pod manifests keep YAML's integers, so bare
# quantities such as `mellanox.com/mlnx_rdma: 2` stay JSON numbers, as in hand-written manifests.
import json, sys, yaml

FIX = sys.argv[1] if len(sys.argv) > 1 else '../../../../shared/fixtures'
INT_KEYS = {'numVfs', 'totalvfs', 'mtu', 'vfID', 'Vlan', 'generation', 'port', 'priority'}

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

# SR-IOV operator policies (the SriovNetwork and Pod documents of the same files are left out) and
# the device plugin's ConfigMaps, each as the List the API server returns.
def list_of(docs, rv='1'):
    return {'apiVersion': 'v1', 'kind': 'List', 'metadata': {'resourceVersion': rv}, 'items': docs}

for srcs, dst in [(['sriovnetworknodepolicy_sriovnetwork_operator-docs.yaml',
                    'sriov-policy_network_pod_nvidia-prefix_network-operator.yaml'],
                   'sriovnetworknodepolicylist_operator-docs_network-operator.json')]:
    docs = []
    for src in srcs:
        docs += [ints(d) for d in yaml.load_all(open(f'{FIX}/{src}'), Loader=yaml.BaseLoader)
                 if d and d.get('kind') == 'SriovNetworkNodePolicy']
    for d in docs:  # BaseLoader reads booleans as text too
        if 'isRdma' in d['spec']:
            d['spec']['isRdma'] = d['spec']['isRdma'] == 'true'
    write(dst, list_of(docs))

write('configmaplist_sriovdp-config_default_rdma-mixed.json',
      list_of([yaml.safe_load(open(f'{FIX}/{src}')) for src in
               ['sriovdp_configmap_default.yaml', 'sriovdp_configmap_rdma_mixed-selector-syntax.yaml']]))

# The partial worker1 state has one mis-indented line in the paste ("     vfRange: 0-7").
text = open(f'{FIX}/sriovnetworknodestate_real_ice-iavf_partial_worker1.yaml').read()
text = text.replace('\n     vfRange: 0-7\n', '\n      vfRange: 0-7\n', 1)
write('sriovnetworknodestate_ice-iavf_partial_worker1.json', ints(yaml.load(text, Loader=yaml.BaseLoader)))

# Fuzz corpora of pure JSON for the two annotation/config parsers (tests/fuzz/corpus): the
# network-status arrays out of the describe output and pod YAML, and each config.json.
import os
CORPUS = '../../fuzz/corpus'
os.makedirs(f'{CORPUS}/networkstatus', exist_ok=True)
os.makedirs(f'{CORPUS}/sriovdeviceconfig', exist_ok=True)

def array_after(text, key):
    start = text.index('[', text.index(key))
    depth, in_string, i = 0, False, start
    while True:
        c = text[i]
        if in_string:
            if c == '\\':
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == '[':
            depth += 1
        elif c == ']':
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1

for src in ['multus_network-status_kubectl-describe_quickstart.txt',
            'multus_network-status_real_rdma-device_kubectl-describe.txt',
            'pod_real_network-status_sriov-device-info_openshift.yaml']:
    doc = json.loads(array_after(open(f'{FIX}/{src}').read(), 'k8s.v1.cni.cncf.io/network-status'))
    with open(f'{CORPUS}/networkstatus/{src.rsplit(".", 1)[0]}.json', 'w') as f:
        json.dump(doc, f, indent=4)

for src in ['sriovdp_configmap_default.yaml', 'sriovdp_configmap_rdma_mixed-selector-syntax.yaml']:
    with open(f'{CORPUS}/sriovdeviceconfig/{src.rsplit(".", 1)[0]}.json', 'w') as f:
        f.write(yaml.safe_load(open(f'{FIX}/{src}'))['data']['config.json'])
for node, value in json.load(open('configmap_device-plugin-config_operator.json'))['data'].items():
    with open(f'{CORPUS}/sriovdeviceconfig/device-plugin-config_{node}.json', 'w') as f:
        f.write(value)
