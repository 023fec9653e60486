<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Specula::App::AppController</name>
    <message>
        <source>Starting the simulated cluster</source>
        <translation>Simulierter Cluster wird gestartet</translation>
    </message>
    <message>
        <source>Reading kubeconfig</source>
        <translation>kubeconfig wird gelesen</translation>
    </message>
    <message>
        <source>%1 (TLS verification off: insecure-skip-tls-verify)</source>
        <translation>%1 (TLS-Prüfung aus: insecure-skip-tls-verify)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>Specula::App::MainWindow</name>
    <message>
        <source>Specula</source>
        <translation>Specula</translation>
    </message>
    <message>
        <source>Filter nodes by name, status or resource</source>
        <translation>Knoten nach Name, Status oder Ressource filtern</translation>
    </message>
    <message>
        <source>Filter pods by namespace, name, node or reason</source>
        <translation>Pods nach Namespace, Name, Knoten oder Grund filtern</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Pods that hold specialized resources, and pending pods with the reason (Ctrl+2)</source>
        <translation>Pods mit spezialisierten Ressourcen und wartende Pods mit Grund (Strg+2)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>The kubeconfig context to show (Ctrl+K)</source>
        <translation>Der anzuzeigende kubeconfig-Kontext (Strg+K)</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Connect again and reload everything (F5)</source>
        <translation>Neu verbinden und alles neu laden (F5)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%1 nodes · %2 pods · %3 pending</source>
        <translation>%1 Knoten · %2 Pods · %3 wartend</translation>
    </message>
    <message>
        <source>Filter by node, resource or kind</source>
        <translation>Nach Knoten, Ressource oder Art filtern</translation>
    </message>
    <message>
        <source>Every node with its GPUs, SR-IOV NICs and extended resources as requested / allocatable (Ctrl+1)</source>
        <translation>Jeder Knoten mit GPUs, SR-IOV-NICs und Extended Resources als angefordert / zuteilbar (Strg+1)</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Nodes → GPUs and MIG devices → pods, and nodes → PFs → VFs → pods, with details (Ctrl+3)</source>
        <translation>Knoten → GPUs und MIG-Geräte → Pods sowie Knoten → PFs → VFs → Pods, mit Details (Strg+3)</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Belegung</translation>
    </message>
    <message>
        <source>Requested, allocatable and free GPUs, MIG devices and VFs per node (Ctrl+4)</source>
        <translation>Angeforderte, zuteilbare und freie GPUs, MIG-Geräte und VFs je Knoten (Strg+4)</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Specula::Model::AllocationTableModel</name>
    <message>
        <source>%1 more requested than allocatable: pods hold devices the node no longer offers</source>
        <translation>%1 mehr angefordert als zuteilbar: Pods belegen Geräte, die der Knoten nicht mehr anbietet</translation>
    </message>
    <message>
        <source>The node is not ready</source>
        <translation>Der Knoten ist nicht bereit</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Allocatable</source>
        <translation>Zuteilbar</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>What the scheduler counts: the effective requests of the node&apos;s active pods</source>
        <translation>Was der Scheduler zählt: die wirksamen Anforderungen der aktiven Pods des Knotens</translation>
    </message>
    <message>
        <source>What the node offers to pods</source>
        <translation>Was der Knoten Pods anbietet</translation>
    </message>
    <message>
        <source>Allocatable minus requested; negative when pods hold more than the node offers</source>
        <translation>Zuteilbar minus angefordert; negativ, wenn Pods mehr belegen, als der Knoten anbietet</translation>
    </message>
    <message>
        <source>What the node has, including what is not allocatable</source>
        <translation>Was der Knoten hat, einschließlich des nicht Zuteilbaren</translation>
    </message>
</context>
<context>
    <name>Specula::Model::ClusterSession</name>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbinde mit %1</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Lädt</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbindet neu</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>Loading %1 of %2 lists</source>
        <translation>Lade Liste %1 von %2</translation>
    </message>
</context>
<context>
    <name>Specula::Model::NodeTableModel</name>
    <message>
        <source>%1 on %2: %3 requested, %4 allocatable, %5 capacity</source>
        <translation>%1 auf %2: %3 angefordert, %4 zuteilbar, %5 Kapazität</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Active pods on the node that request extended resources</source>
        <translation>Aktive Pods auf dem Knoten, die Extended Resources anfordern</translation>
    </message>
    <message>
        <source>Requested / allocatable</source>
        <translation>Angefordert / zuteilbar</translation>
    </message>
    <message>
        <source>driver %1</source>
        <translation>Treiber %1</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>SR-IOV</source>
        <translation>SR-IOV</translation>
    </message>
    <message>
        <source>The node&apos;s GPUs: count and model, MIG layout, sharing</source>
        <translation>Die GPUs des Knotens: Anzahl und Modell, MIG-Aufteilung, Teilung</translation>
    </message>
    <message>
        <source>SR-IOV physical functions and how many of their virtual functions pods hold</source>
        <translation>Physische SR-IOV-Funktionen und wie viele ihrer virtuellen Funktionen Pods belegen</translation>
    </message>
</context>
<context>
    <name>Specula::Model::PodTableModel</name>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Waiting because</source>
        <translation>Wartet, weil</translation>
    </message>
</context>
<context>
    <name>Specula::Model::ResourceText</name>
    <message>
        <source>unknown model</source>
        <translation>unbekanntes Modell</translation>
    </message>
    <message>
        <source>vGPU %1 × %2</source>
        <translation>vGPU %1 × %2</translation>
    </message>
    <message>
        <source>vGPU %1</source>
        <translation>vGPU %1</translation>
    </message>
    <message>
        <source>MIG mixed: %1</source>
        <translation>MIG gemischt: %1</translation>
    </message>
    <message>
        <source>MIG single: %1</source>
        <translation>MIG einheitlich: %1</translation>
    </message>
    <message>
        <source>MIG mixed</source>
        <translation>MIG gemischt</translation>
    </message>
    <message>
        <source>MIG single</source>
        <translation>MIG einheitlich</translation>
    </message>
    <message numerus="yes">
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n PF(s)</source>
        <translation>
            <numerusform>%n PF</numerusform>
            <numerusform>%n PFs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 VFs in use</source>
        <translation>%1/%2 VFs belegt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>single</source>
        <translation>einheitlich</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>gemischt</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>shared GPU</source>
        <translation>geteilte GPU</translation>
    </message>
    <message>
        <source>MIG</source>
        <translation>MIG</translation>
    </message>
    <message>
        <source>SR-IOV</source>
        <translation>SR-IOV</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>link down</source>
        <translation>Link getrennt</translation>
    </message>
    <message>
        <source>%1 Gb/s</source>
        <translation>%1 Gb/s</translation>
    </message>
    <message>
        <source>%1 Mb/s</source>
        <translation>%1 Mb/s</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>speed unknown</source>
        <translation>Geschwindigkeit unbekannt</translation>
    </message>
</context>
<context>
    <name>Specula::Model::TopologyBuilder</name>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message>
        <source>NotReady</source>
        <translation>NotReady</translation>
    </message>
    <message>
        <source>SchedulingDisabled</source>
        <translation>SchedulingDisabled</translation>
    </message>
    <message>
        <source>no GPUs or SR-IOV NICs</source>
        <translation>keine GPUs oder SR-IOV-NICs</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message numerus="yes">
        <source>%n active pod(s)</source>
        <translation>
            <numerusform>%n aktiver Pod</numerusform>
            <numerusform>%n aktive Pods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n MIG device(s)</source>
        <translation>
            <numerusform>%n MIG-Gerät</numerusform>
            <numerusform>%n MIG-Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 belegt</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>belegt von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n Pod</numerusform>
            <numerusform>%n Pods</numerusform>
        </translation>
    </message>
    <message>
        <source>MIG %1 #%2</source>
        <translation>MIG %1 #%2</translation>
    </message>
    <message>
        <source>MIG %1</source>
        <translation>MIG %1</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>container %1</source>
        <translation>Container %1</translation>
    </message>
    <message>
        <source>%1 requested · %2 allocatable · %3 free</source>
        <translation>%1 angefordert · %2 zuteilbar · %3 frei</translation>
    </message>
    <message>
        <source>%1: %2 of %3 allocatable requested (capacity %4)</source>
        <translation>%1: %2 von %3 zuteilbaren angefordert (Kapazität %4)</translation>
    </message>
    <message>
        <source>requests %1</source>
        <translation>fordert %1 an</translation>
    </message>
    <message>
        <source>%1/%2 VFs in use</source>
        <translation>%1/%2 VFs belegt</translation>
    </message>
    <message>
        <source>VF %1</source>
        <translation>VF %1</translation>
    </message>
    <message>
        <source>used by %1 as %2</source>
        <translation>belegt von %1 als %2</translation>
    </message>
    <message>
        <source>VLAN %1</source>
        <translation>VLAN %1</translation>
    </message>
</context>
<context>
    <name>Specula::Model::TopologyModel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Belegung</translation>
    </message>
</context>
<context>
    <name>Specula::Views::DetailsHtml</name>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Nodes with GPUs</source>
        <translation>Knoten mit GPUs</translation>
    </message>
    <message>
        <source>Nodes with SR-IOV</source>
        <translation>Knoten mit SR-IOV</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Pending pods</source>
        <translation>Wartende Pods</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>NotReady</source>
        <translation>NotReady</translation>
    </message>
    <message>
        <source>scheduling disabled</source>
        <translation>Scheduling deaktiviert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active pods</source>
        <translation>Aktive Pods</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Physical GPUs</source>
        <translation>Physische GPUs</translation>
    </message>
    <message>
        <source>Memory per GPU</source>
        <translation>Speicher je GPU</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>MIG strategy</source>
        <translation>MIG-Strategie</translation>
    </message>
    <message>
        <source>MIG configuration</source>
        <translation>MIG-Konfiguration</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Teilung</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>vGPU</source>
        <translation>vGPU</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>MIG profile</source>
        <translation>MIG-Profil</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Multiprocessors</source>
        <translation>Multiprozessoren</translation>
    </message>
    <message>
        <source>MIG profiles</source>
        <translation>MIG-Profile</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>PCI bus</source>
        <translation>PCI-Bus</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>MIG %1</source>
        <translation>MIG %1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Allocatable</source>
        <translation>Zuteilbar</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Extended resources</source>
        <translation>Extended Resources</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Sync-Status</translation>
    </message>
    <message>
        <source>Last sync error</source>
        <translation>Letzter Sync-Fehler</translation>
    </message>
    <message>
        <source>SR-IOV</source>
        <translation>SR-IOV</translation>
    </message>
    <message>
        <source>PF</source>
        <translation>PF</translation>
    </message>
    <message>
        <source>PCI</source>
        <translation>PCI</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>VFs</source>
        <translation>VFs</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>NICs without SR-IOV:</source>
        <translation>NICs ohne SR-IOV:</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>MIG instance</source>
        <translation>MIG-Instanz</translation>
    </message>
    <message>
        <source>Parent GPU</source>
        <translation>Übergeordnete GPU</translation>
    </message>
    <message>
        <source>DRA</source>
        <translation>DRA</translation>
    </message>
    <message>
        <source>none: the device is free</source>
        <translation>keine: das Gerät ist frei</translation>
    </message>
    <message>
        <source>MIG device %1</source>
        <translation>MIG-Gerät %1</translation>
    </message>
    <message>
        <source>GPU %1 on %2</source>
        <translation>GPU %1 auf %2</translation>
    </message>
    <message>
        <source>GPU on %1</source>
        <translation>GPU auf %1</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Pods requesting it</source>
        <translation>Pods, die sie anfordern</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Vendor:device</source>
        <translation>Hersteller:Gerät</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>VFs in use</source>
        <translation>Belegte VFs</translation>
    </message>
    <message>
        <source>VF</source>
        <translation>VF</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Physical function %1</source>
        <translation>Physische Funktion %1</translation>
    </message>
    <message>
        <source>VF id</source>
        <translation>VF-ID</translation>
    </message>
    <message>
        <source>Physical function</source>
        <translation>Physische Funktion</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Belegt von</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>nobody: the VF is free</source>
        <translation>niemandem: die VF ist frei</translation>
    </message>
    <message>
        <source>VF %1 of %2</source>
        <translation>VF %1 von %2</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Waiting because</source>
        <translation>Wartet, weil</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>Wartet seit</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Pod %1</source>
        <translation>Pod %1</translation>
    </message>
</context>
<context>
    <name>Specula::Views::DetailsPanel</name>
    <message>
        <source>Details of the selected item</source>
        <translation>Details des ausgewählten Eintrags</translation>
    </message>
    <message>
        <source>Select a node, device, NIC or pod to see its details.</source>
        <translation>Wählen Sie einen Knoten, ein Gerät, eine NIC oder einen Pod, um die Details zu sehen.</translation>
    </message>
</context>
<context>
    <name>Specula::Views::ErrorBanner</name>
    <message>
        <source>Hide this message (Esc)</source>
        <translation>Diese Meldung ausblenden (Esc)</translation>
    </message>
</context>
<context>
    <name>Specula::Views::TablePage</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
</context>
<context>
    <name>Specula::Views::TopologyPage</name>
    <message>
        <source>Filter by node, device, UUID, PCI address or pod</source>
        <translation>Nach Knoten, Gerät, UUID, PCI-Adresse oder Pod filtern</translation>
    </message>
    <message>
        <source>Show only items that contain this text, with the path to them (Ctrl+F)</source>
        <translation>Nur Einträge zeigen, die diesen Text enthalten, mit dem Pfad dorthin (Strg+F)</translation>
    </message>
    <message>
        <source>Nodes, their GPUs and NICs, and the pods that hold them. Arrow keys move and expand; the details follow the selection.</source>
        <translation>Knoten, ihre GPUs und NICs und die Pods, die sie belegen. Pfeiltasten bewegen und klappen auf; die Details folgen der Auswahl.</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 nodes</source>
        <translation>%1 von %2 Knoten</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Show only rows that contain this text in any column (Ctrl+F)</source>
        <translation>Nur Zeilen zeigen, die diesen Text in einer Spalte enthalten (Strg+F)</translation>
    </message>
</context>
</TS>
