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
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
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
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Belegung</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>GPUs and VFs allocated and busy, idle GPUs held by pods, pending pods and power, each linking to its page</source>
        <translation>Belegte und ausgelastete GPUs und VFs, von Pods belegte GPUs im Leerlauf, wartende Pods und Leistung, jeweils mit Link zur zugehörigen Seite</translation>
    </message>
    <message>
        <source>Every node with its GPUs, SR-IOV NICs and extended resources as requested / allocatable</source>
        <translation>Jeder Knoten mit GPUs, SR-IOV-NICs und Extended Resources als angefordert / zuteilbar</translation>
    </message>
    <message>
        <source>Nodes → GPUs and MIG devices → pods, and nodes → PFs → VFs → pods, with details</source>
        <translation>Knoten → GPUs und MIG-Geräte → Pods sowie Knoten → PFs → VFs → Pods, mit Details</translation>
    </message>
    <message>
        <source>GPU heatmap</source>
        <translation>GPU-Heatmap</translation>
    </message>
    <message>
        <source>Every GPU and MIG slice over time: utilization, memory, temperature, power or tensor activity</source>
        <translation>Jede GPU und jeder MIG-Slice im Zeitverlauf: Auslastung, Speicher, Temperatur, Leistung oder Tensor-Aktivität</translation>
    </message>
    <message>
        <source>SR-IOV</source>
        <translation>SR-IOV</translation>
    </message>
    <message>
        <source>VFs allocated, free and not created per node or pool, with PF and VF tables</source>
        <translation>Belegte, freie und nicht erstellte VFs je Knoten oder Pool, mit PF- und VF-Tabellen</translation>
    </message>
    <message>
        <source>Pods that hold specialized resources, and the selected pod&apos;s CPU, memory, GPU, power and network charts</source>
        <translation>Pods mit spezialisierten Ressourcen und die Diagramme des ausgewählten Pods zu CPU, Speicher, GPU, Leistung und Netzwerk</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Pods waiting for GPUs or VFs: the scheduler&apos;s reason, how long, and where they would fit now</source>
        <translation>Pods, die auf GPUs oder VFs warten: Grund des Schedulers, Wartezeit und wo sie jetzt passen würden</translation>
    </message>
    <message>
        <source>Requested, allocatable and free GPUs, MIG devices and VFs per node</source>
        <translation>Angeforderte, zuteilbare und freie GPUs, MIG-Geräte und VFs je Knoten</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Switch to a saved cluster profile</source>
        <translation>Zu einem gespeicherten Cluster-Profil wechseln</translation>
    </message>
    <message>
        <source>Profiles…</source>
        <translation>Profile…</translation>
    </message>
    <message>
        <source>Add, edit and remove cluster profiles</source>
        <translation>Cluster-Profile hinzufügen, bearbeiten und entfernen</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
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
    <name>Specula::Model::IdleGpuTableModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Auslastung</translation>
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
    <name>Specula::Model::OverviewFigures</name>
    <message>
        <source>MIG %1</source>
        <translation>MIG %1</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
</context>
<context>
    <name>Specula::Model::PendingFit</name>
    <message>
        <source>%1 not Ready</source>
        <translation>%1 nicht Ready</translation>
    </message>
    <message>
        <source>%1 cordoned</source>
        <translation>%1 gesperrt (cordon)</translation>
    </message>
    <message>
        <source>%1 has another GPU product</source>
        <translation>%1 hat ein anderes GPU-Produkt</translation>
    </message>
    <message>
        <source>no node has %1</source>
        <translation>kein Knoten hat %1</translation>
    </message>
    <message numerus="yes">
        <source>the %n node(s) with %1 cannot take pods now (%2)</source>
        <translation>
            <numerusform>der einzige Knoten mit %1 nimmt gerade keine Pods an (%2)</numerusform>
            <numerusform>die %n Knoten mit %1 nehmen gerade keine Pods an (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>the only node with %1 is full (%2)</source>
        <translation>der einzige Knoten mit %1 ist voll (%2)</translation>
    </message>
    <message>
        <source>all %1 nodes with %2 are full</source>
        <translation>alle %1 Knoten mit %2 sind voll</translation>
    </message>
    <message>
        <source>%1: %2 wanted, at most %3 free (%4)</source>
        <translation>%1: %2 angefordert, höchstens %3 frei (%4)</translation>
    </message>
    <message>
        <source>node selector %1 not checked (node labels are not in the snapshot)</source>
        <translation>Knoten-Selektor %1 nicht geprüft (Knoten-Labels sind nicht im Snapshot)</translation>
    </message>
    <message>
        <source>no node has %1=%2</source>
        <translation>kein Knoten hat %1=%2</translation>
    </message>
    <message>
        <source>no node has room for all of %1 at once</source>
        <translation>kein Knoten hat Platz für %1 zugleich</translation>
    </message>
    <message>
        <source>no node is Ready and schedulable</source>
        <translation>kein Knoten ist Ready und einplanbar</translation>
    </message>
</context>
<context>
    <name>Specula::Model::PendingTableModel</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Would fit on</source>
        <translation>Passt auf</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Warum nicht</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Scheduler message</source>
        <translation>Scheduler-Meldung</translation>
    </message>
</context>
<context>
    <name>Specula::Model::PfTableModel</name>
    <message>
        <source>%1 VFs created of the %2 the NIC supports</source>
        <translation>%1 VFs erstellt von %2, die die NIC unterstützt</translation>
    </message>
    <message>
        <source>%1 VFs created; the operator did not report how many the NIC supports</source>
        <translation>%1 VFs erstellt; der Operator hat nicht gemeldet, wie viele die NIC unterstützt</translation>
    </message>
    <message>
        <source>No policy, device plugin selector or network names a pool for this PF</source>
        <translation>Weder eine Policy noch ein Device-Plugin-Selektor noch ein Netzwerk nennt einen Pool für diese PF</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>PF</source>
        <translation>PF</translation>
    </message>
    <message>
        <source>PCI address</source>
        <translation>PCI-Adresse</translation>
    </message>
    <message>
        <source>Vendor:device</source>
        <translation>Hersteller:Gerät</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>Link speed</source>
        <translation>Link-Geschwindigkeit</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>VFs / total</source>
        <translation>VFs / gesamt</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Belegt</translation>
    </message>
</context>
<context>
    <name>Specula::Model::PodChartPlan</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>GPU utilization</source>
        <translation>GPU-Auslastung</translation>
    </message>
    <message>
        <source>GPU memory used</source>
        <translation>Genutzter GPU-Speicher</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>all interfaces</source>
        <translation>alle Schnittstellen</translation>
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
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
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
    <name>Specula::Model::TopologyMap</name>
    <message>
        <source>Allocation</source>
        <translation>Belegung</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>Genutzter Speicher</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>VF %1</source>
        <translation>VF %1</translation>
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
        <source>, scheduling disabled</source>
        <translation>, Scheduling deaktiviert</translation>
    </message>
    <message>
        <source>PCI bus %1</source>
        <translation>PCI-Bus %1</translation>
    </message>
    <message>
        <source>MIG %1 · %2</source>
        <translation>MIG %1 · %2</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>%1 von %2 · %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no pod requests it</source>
        <translation>kein Pod fordert sie an</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>belegt von %1</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Übergeordnet</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Belegt</translation>
    </message>
</context>
<context>
    <name>Specula::Model::TopologyMapPainter</name>
    <message>
        <source> · NotReady</source>
        <translation> · NotReady</translation>
    </message>
    <message>
        <source> · cordoned</source>
        <translation> · gesperrt</translation>
    </message>
    <message numerus="yes">
        <source> · %n not created</source>
        <translation>
            <numerusform> · %n nicht erstellt</numerusform>
            <numerusform> · %n nicht erstellt</numerusform>
        </translation>
    </message>
    <message>
        <source> +%1</source>
        <translation> +%1</translation>
    </message>
    <message>
        <source>held by a pod</source>
        <translation>von einem Pod belegt</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>no reading</source>
        <translation>kein Messwert</translation>
    </message>
    <message>
        <source>VF held</source>
        <translation>VF belegt</translation>
    </message>
    <message>
        <source>VF free</source>
        <translation>VF frei</translation>
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
    <name>Specula::Model::VfAllocation</name>
    <message>
        <source>(no pool)</source>
        <translation>(kein Pool)</translation>
    </message>
</context>
<context>
    <name>Specula::Model::VfAllocationPainter</name>
    <message>
        <source>Allocated</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>Nicht erstellt</translation>
    </message>
    <message>
        <source>%1: %2 allocated, %3 free, %4 not created of %5 VFs</source>
        <translation>%1: %2 belegt, %3 frei, %4 nicht erstellt von %5 VFs</translation>
    </message>
    <message>
        <source>%1 PF(s) did not report how many VFs they support; the total counts only what exists</source>
        <translation>PFs ohne Angabe, wie viele VFs sie unterstützen: %1; die Summe zählt nur vorhandene VFs</translation>
    </message>
    <message>
        <source>of %1 VFs; bars show allocated / free / not created</source>
        <translation>von %1 VFs; Balken zeigen belegt / frei / nicht erstellt</translation>
    </message>
</context>
<context>
    <name>Specula::Model::VfAllocationTableModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>Nicht erstellt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>PFs without totalVfs</source>
        <translation>PFs ohne totalVfs</translation>
    </message>
</context>
<context>
    <name>Specula::Model::VfTableModel</name>
    <message>
        <source>Container %1</source>
        <translation>Container %1</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>PF</source>
        <translation>PF</translation>
    </message>
    <message>
        <source>VF</source>
        <translation>VF</translation>
    </message>
    <message>
        <source>PCI address</source>
        <translation>PCI-Adresse</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
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
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Holding pod</source>
        <translation>Belegt von</translation>
    </message>
    <message>
        <source>Pod interface</source>
        <translation>Pod-Schnittstelle</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
</context>
<context>
    <name>Specula::Model::VfTrafficPlan</name>
    <message>
        <source>Receive</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Transmit</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>Specula::Model::ViewState</name>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>letzte %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>Specula::Views::ChartViewport</name>
    <message>
        <source>Wheel: zoom the time axis · Drag: pan · Shift+drag: zoom into a span · Double-click: show all</source>
        <translation>Mausrad: Zeitachse zoomen · Ziehen: verschieben · Umschalt+Ziehen: in einen Abschnitt zoomen · Doppelklick: alles zeigen</translation>
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
    <name>Specula::Views::ExportActions</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Save the table&apos;s rows, as sorted and filtered, to a CSV file</source>
        <translation>Die Zeilen der Tabelle, sortiert und gefiltert wie angezeigt, in eine CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Save an image of this page to a PNG file</source>
        <translation>Ein Bild dieser Seite in eine PNG-Datei speichern</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Specula::Views::HeatmapLegend</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
</context>
<context>
    <name>Specula::Views::HeatmapPage</name>
    <message>
        <source>What the colours show</source>
        <translation>Was die Farben zeigen</translation>
    </message>
    <message>
        <source>By node</source>
        <translation>Nach Knoten</translation>
    </message>
    <message>
        <source>By mean, highest first</source>
        <translation>Nach Mittelwert, höchster zuerst</translation>
    </message>
    <message>
        <source>Idle while allocated first</source>
        <translation>Belegt, aber im Leerlauf zuerst</translation>
    </message>
    <message>
        <source>Order of the GPUs</source>
        <translation>Reihenfolge der GPUs</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>One tile per GPU with its latest value, grouped by node</source>
        <translation>Eine Kachel je GPU mit ihrem neuesten Wert, nach Knoten gruppiert</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Save the heatmap and its legend as a PNG picture</source>
        <translation>Die Heatmap mit ihrer Legende als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the numbers behind the heatmap as CSV, one line per GPU</source>
        <translation>Die Werte hinter der Heatmap als CSV speichern, eine Zeile je GPU</translation>
    </message>
    <message numerus="yes">
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n idle while allocated</source>
        <translation>
            <numerusform> · %n belegt, aber im Leerlauf</numerusform>
            <numerusform> · %n belegt, aber im Leerlauf</numerusform>
        </translation>
    </message>
    <message>
        <source> · stale: %1</source>
        <translation> · veraltet: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export heatmap as PNG</source>
        <translation>Heatmap als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export heatmap</source>
        <translation>Heatmap exportieren</translation>
    </message>
    <message>
        <source>Export heatmap as CSV</source>
        <translation>Heatmap als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>Specula::Views::HeatmapView</name>
    <message>
        <source>GPUs over time: hover for the value, click to open a GPU, Ctrl+wheel to change the row height</source>
        <translation>GPUs im Zeitverlauf: Maus darüber zeigt den Wert, Klick öffnet eine GPU, Strg+Mausrad ändert die Zeilenhöhe</translation>
    </message>
    <message>
        <source>Not allocated</source>
        <translation>Nicht belegt</translation>
    </message>
    <message>
        <source>Pods: %1</source>
        <translation>Pods: %1</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
    <message>
        <source>%1 now: %2</source>
        <translation>%1 jetzt: %2</translation>
    </message>
    <message>
        <source>Idle while allocated</source>
        <translation>Belegt, aber im Leerlauf</translation>
    </message>
    <message>
        <source>No GPU data for this metric and range</source>
        <translation>Keine GPU-Daten für diese Metrik und diesen Zeitraum</translation>
    </message>
</context>
<context>
    <name>Specula::Views::OverviewPage</name>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Filter idle GPUs by pod, namespace, node or UUID</source>
        <translation>GPUs im Leerlauf nach Pod, Namespace, Knoten oder UUID filtern</translation>
    </message>
    <message>
        <source>Physical GPUs, how many pods hold, and how many are busy. Opens the heatmap.</source>
        <translation>Physische GPUs, wie viele davon Pods belegen und wie viele ausgelastet sind. Öffnet die Heatmap.</translation>
    </message>
    <message>
        <source>MIG devices offered and held. Opens the topology.</source>
        <translation>Angebotene und belegte MIG-Geräte. Öffnet die Topologie.</translation>
    </message>
    <message>
        <source>GPUs and MIG devices that pods hold but hardly use. Opens the heatmap.</source>
        <translation>GPUs und MIG-Geräte, die Pods belegen, aber kaum nutzen. Öffnet die Heatmap.</translation>
    </message>
    <message>
        <source>SR-IOV virtual functions created, held, and not created yet. Opens the SR-IOV page.</source>
        <translation>Erstellte, belegte und noch nicht erstellte virtuelle SR-IOV-Funktionen. Öffnet die SR-IOV-Seite.</translation>
    </message>
    <message>
        <source>Pending pods that want GPUs or VFs. Opens the pending pods.</source>
        <translation>Wartende Pods, die GPUs oder VFs anfordern. Öffnet die wartenden Pods.</translation>
    </message>
    <message>
        <source>Running pods that request or hold GPUs or VFs. Opens the pods.</source>
        <translation>Laufende Pods, die GPUs oder VFs anfordern oder belegen. Öffnet die Pods.</translation>
    </message>
    <message>
        <source>The GPUs&apos; power draw, summed over their latest readings. Opens the heatmap.</source>
        <translation>Die Leistungsaufnahme der GPUs, summiert über ihre neuesten Messwerte. Öffnet die Heatmap.</translation>
    </message>
    <message>
        <source>Save the idle GPUs, as sorted and filtered, to a CSV file</source>
        <translation>Die GPUs im Leerlauf, sortiert und gefiltert wie angezeigt, in eine CSV-Datei speichern</translation>
    </message>
    <message>
        <source>GPUs: %1 of %2 allocated</source>
        <translation>GPUs: %1 von %2 belegt</translation>
    </message>
    <message>
        <source>%1 busy (≥ %2 utilization) of %3 with readings</source>
        <translation>%1 ausgelastet (Auslastung ≥ %2) von %3 mit Messwerten</translation>
    </message>
    <message>
        <source>busy: — (no utilization readings)</source>
        <translation>ausgelastet: — (keine Auslastungswerte)</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) whose GPU count is unknown</source>
        <translation>
            <numerusform>%n Knoten mit unbekannter GPU-Anzahl</numerusform>
            <numerusform>%n Knoten mit unbekannter GPU-Anzahl</numerusform>
        </translation>
    </message>
    <message>
        <source>MIG slices: %1 of %2 allocated</source>
        <translation>MIG-Slices: %1 von %2 belegt</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
    <message>
        <source>no node offers MIG devices</source>
        <translation>kein Knoten bietet MIG-Geräte an</translation>
    </message>
    <message numerus="yes">
        <source>Allocated but idle: %n GPU(s)</source>
        <translation>
            <numerusform>Belegt, aber im Leerlauf: %n GPU</numerusform>
            <numerusform>Belegt, aber im Leerlauf: %n GPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>latest reading, no range data</source>
        <translation>neuester Messwert, keine Daten für den Zeitraum</translation>
    </message>
    <message>
        <source>mean over the chosen range</source>
        <translation>Mittelwert über den gewählten Zeitraum</translation>
    </message>
    <message>
        <source>mean over %1</source>
        <translation>Mittelwert, %1</translation>
    </message>
    <message>
        <source>held by a pod, utilization under %1 (%2)</source>
        <translation>von einem Pod belegt, Auslastung unter %1 (%2)</translation>
    </message>
    <message>
        <source>VFs: %1 of %2 allocated</source>
        <translation>VFs: %1 von %2 belegt</translation>
    </message>
    <message>
        <source>%1 not created (totalVfs − numVfs)</source>
        <translation>%1 nicht erstellt (totalVfs − numVfs)</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for devices: %n pod(s)</source>
        <translation>
            <numerusform>Warten auf Geräte: %n Pod</numerusform>
            <numerusform>Warten auf Geräte: %n Pods</numerusform>
        </translation>
    </message>
    <message>
        <source>for GPUs: %1 · for VFs: %2</source>
        <translation>auf GPUs: %1 · auf VFs: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) hold devices</source>
        <translation>
            <numerusform>%n Pod belegt Geräte</numerusform>
            <numerusform>%n Pods belegen Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>all namespaces</source>
        <translation>alle Namespaces</translation>
    </message>
    <message>
        <source>namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
    <message>
        <source>GPU power: %1</source>
        <translation>GPU-Leistung: %1</translation>
    </message>
    <message>
        <source>sum of the latest readings</source>
        <translation>Summe der neuesten Messwerte</translation>
    </message>
    <message>
        <source>no power readings</source>
        <translation>keine Leistungswerte</translation>
    </message>
    <message>
        <source>Allocated but idle GPUs</source>
        <translation>Belegte GPUs im Leerlauf</translation>
    </message>
</context>
<context>
    <name>Specula::Views::PendingPage</name>
    <message>
        <source>%1: %2 free</source>
        <translation>%1: %2 frei</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Node selector</source>
        <translation>Knoten-Selektor</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
    <message>
        <source>Fits on no node now</source>
        <translation>Passt derzeit auf keinen Knoten</translation>
    </message>
    <message numerus="yes">
        <source>Would fit on %n node(s) now</source>
        <translation>
            <numerusform>Würde jetzt auf %n Knoten passen</numerusform>
            <numerusform>Würde jetzt auf %n Knoten passen</numerusform>
        </translation>
    </message>
    <message>
        <source>Only extended resources (GPUs, MIG devices, VFs), node readiness, cordons and the GPU product are checked; CPU, memory, taints and affinity are not.</source>
        <translation>Geprüft werden nur Extended Resources (GPUs, MIG-Geräte, VFs), die Bereitschaft der Knoten, Sperren (cordon) und das GPU-Produkt; CPU, Speicher, Taints und Affinität nicht.</translation>
    </message>
    <message>
        <source>Filter by pod, namespace, resource, node or message</source>
        <translation>Nach Pod, Namespace, Ressource, Knoten oder Meldung filtern</translation>
    </message>
    <message>
        <source>The selected pod&apos;s full scheduler message and where it would fit</source>
        <translation>Die vollständige Scheduler-Meldung des ausgewählten Pods und wo er passen würde</translation>
    </message>
    <message>
        <source>Pending pods that want GPUs or VFs; the longest waiting first</source>
        <translation>Wartende Pods, die GPUs oder VFs anfordern; die am längsten wartenden zuerst</translation>
    </message>
    <message>
        <source>all namespaces</source>
        <translation>alle Namespaces</translation>
    </message>
    <message>
        <source>namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
    <message>
        <source>No pending pod wants GPUs or VFs (%1).</source>
        <translation>Kein wartender Pod fordert GPUs oder VFs an (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n pending pod(s) waiting for GPUs or VFs (%1).</source>
        <translation>
            <numerusform>%n Pod wartet auf GPUs oder VFs (%1).</numerusform>
            <numerusform>%n Pods warten auf GPUs oder VFs (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a pod to see the scheduler&apos;s full message and where it would fit.</source>
        <translation>Wählen Sie einen Pod, um die vollständige Meldung des Schedulers zu sehen und wo er passen würde.</translation>
    </message>
</context>
<context>
    <name>Specula::Views::PodsPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter pods by namespace, name, node or resource</source>
        <translation>Pods nach Namespace, Name, Knoten oder Ressource filtern</translation>
    </message>
    <message>
        <source>No pod selected</source>
        <translation>Kein Pod ausgewählt</translation>
    </message>
    <message>
        <source>Select a pod to see its CPU, memory, GPU, power, energy and network over time.</source>
        <translation>Wählen Sie einen Pod, um CPU, Speicher, GPU, Leistung, Energie und Netzwerk im Zeitverlauf zu sehen.</translation>
    </message>
    <message>
        <source>%1 · last %2</source>
        <translation>%1 · %2 bis jetzt</translation>
    </message>
    <message>
        <source>No Prometheus is connected, so there are no time series to show.</source>
        <translation>Kein Prometheus verbunden, daher gibt es keine Zeitreihen zu zeigen.</translation>
    </message>
    <message>
        <source>Loading %1&apos;s series from Prometheus…</source>
        <translation>Lade die Zeitreihen von %1 aus Prometheus…</translation>
    </message>
    <message>
        <source>Prometheus has no series for %1 in this time range.</source>
        <translation>Prometheus hat für %1 keine Zeitreihen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Could not load the series of %1: %2</source>
        <translation>Die Zeitreihen von %1 konnten nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>Specula::Views::ProfileDialog</name>
    <message>
        <source>Cluster profiles</source>
        <translation>Cluster-Profile</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>new profile</source>
        <translation>neues Profil</translation>
    </message>
    <message>
        <source>new profile %1</source>
        <translation>neues Profil %1</translation>
    </message>
    <message>
        <source>Two profiles are called &quot;%1&quot;; names must differ.</source>
        <translation>Zwei Profile heißen „%1“; die Namen müssen sich unterscheiden.</translation>
    </message>
    <message>
        <source>The profiles are saved, but the keychain refused a secret: %1</source>
        <translation>Die Profile sind gespeichert, aber der Schlüsselbund hat ein Geheimnis abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>Specula::Views::ProfileForm</name>
    <message>
        <source>KUBECONFIG, else ~/.kube/config</source>
        <translation>KUBECONFIG, sonst ~/.kube/config</translation>
    </message>
    <message>
        <source>the kubeconfig&apos;s current context</source>
        <translation>aktueller Kontext der kubeconfig</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>auto (find it in the cluster), none, a URL such as https://prometheus.example:9090, or service:NAMESPACE/[https:]NAME:PORT (through the API server)</source>
        <translation>auto (im Cluster suchen), none, eine URL wie https://prometheus.example:9090 oder service:NAMESPACE/[https:]NAME:PORT (über den API-Server)</translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain)</source>
        <translation>unverändert (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation>alle Namespaces</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kubeconfig:</source>
        <translation>&amp;Kubeconfig:</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>K&amp;ontext:</translation>
    </message>
    <message>
        <source>&amp;Prometheus:</source>
        <translation>&amp;Prometheus:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Bearer &amp;token:</source>
        <translation>Bearer-&amp;Token:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation>&amp;Aktualisieren alle:</translation>
    </message>
    <message>
        <source>N&amp;amespace:</source>
        <translation>Na&amp;mespace:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>a profile needs a name</source>
        <translation>ein Profil braucht einen Namen</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Kubeconfig file</source>
        <translation>Kubeconfig-Datei</translation>
    </message>
</context>
<context>
    <name>Specula::Views::SriovPage</name>
    <message>
        <source>Filter PFs</source>
        <translation>PFs filtern</translation>
    </message>
    <message>
        <source>Filter VFs (node, pod, MAC, …)</source>
        <translation>VFs filtern (Knoten, Pod, MAC, …)</translation>
    </message>
    <message>
        <source>Physical functions</source>
        <translation>Physische Funktionen</translation>
    </message>
    <message>
        <source>Virtual functions</source>
        <translation>Virtuelle Funktionen</translation>
    </message>
    <message>
        <source>Per node</source>
        <translation>Je Knoten</translation>
    </message>
    <message>
        <source>Per pool</source>
        <translation>Je Pool</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Show the PFs and VFs of every node</source>
        <translation>Die PFs und VFs aller Knoten zeigen</translation>
    </message>
    <message>
        <source>Graph as PNG…</source>
        <translation>Diagramm als PNG…</translation>
    </message>
    <message>
        <source>Graph&apos;s numbers as CSV…</source>
        <translation>Diagrammwerte als CSV…</translation>
    </message>
    <message>
        <source>PF table as CSV…</source>
        <translation>PF-Tabelle als CSV…</translation>
    </message>
    <message>
        <source>PF table as PNG…</source>
        <translation>PF-Tabelle als PNG…</translation>
    </message>
    <message>
        <source>VF table as CSV…</source>
        <translation>VF-Tabelle als CSV…</translation>
    </message>
    <message>
        <source>VF table as PNG…</source>
        <translation>VF-Tabelle als PNG…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Click a bar to show only its PFs and VFs</source>
        <translation>Auf einen Balken klicken, um nur seine PFs und VFs zu zeigen</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>Pool %1</source>
        <translation>Pool %1</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Traffic charts as PNG…</source>
        <translation>Datenverkehr als PNG…</translation>
    </message>
    <message>
        <source>Traffic numbers as CSV…</source>
        <translation>Datenverkehr als CSV…</translation>
    </message>
    <message>
        <source>Save the graph, a table or the traffic charts as CSV or PNG</source>
        <translation>Diagramm, Tabelle oder Datenverkehr als CSV oder PNG speichern</translation>
    </message>
    <message>
        <source>No VF traffic is charted: select a VF or PF whose traffic Prometheus has.</source>
        <translation>Es wird kein VF-Datenverkehr gezeigt: Wählen Sie eine VF oder PF, deren Datenverkehr Prometheus kennt.</translation>
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
    <name>Specula::Views::TimeRangeDialog</name>
    <message>
        <source>Custom time range</source>
        <translation>Benutzerdefinierter Zeitraum</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Das Ende muss nach dem Anfang liegen.</translation>
    </message>
</context>
<context>
    <name>Specula::Views::TimeSeriesChart</name>
    <message>
        <source>Show All</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Show the whole time range (double-click)</source>
        <translation>Den ganzen Zeitraum zeigen (Doppelklick)</translation>
    </message>
    <message>
        <source>Save Image…</source>
        <translation>Bild speichern…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation>Dieses Diagramm als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Save Numbers…</source>
        <translation>Werte speichern…</translation>
    </message>
    <message>
        <source>Save the numbers of this chart as CSV</source>
        <translation>Die Werte dieses Diagramms als CSV speichern</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Save Chart Image</source>
        <translation>Diagrammbild speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Save Chart Numbers</source>
        <translation>Diagrammwerte speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>Specula::Views::TopologyMapPanel</name>
    <message>
        <source>Colour GPUs and MIG slices by allocation or by their latest reading</source>
        <translation>GPUs und MIG-Slices nach Belegung oder nach ihrem neuesten Messwert färben</translation>
    </message>
    <message>
        <source>Node labels, e.g. nvidia.com/gpu.product=NVIDIA-A100-SXM4-80GB</source>
        <translation>Knoten-Labels, z. B. nvidia.com/gpu.product=NVIDIA-A100-SXM4-80GB</translation>
    </message>
    <message>
        <source>Show only nodes whose labels match this selector: key=value, key!=value, key in (a,b), key, !key, joined by commas</source>
        <translation>Nur Knoten zeigen, deren Labels zu diesem Selektor passen: key=value, key!=value, key in (a,b), key, !key, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Zoom to show the whole cluster (0)</source>
        <translation>So zoomen, dass der ganze Cluster sichtbar ist (0)</translation>
    </message>
    <message>
        <source>Zoom in (+ or the wheel)</source>
        <translation>Vergrößern (+ oder Mausrad)</translation>
    </message>
    <message>
        <source>Zoom out (- or the wheel)</source>
        <translation>Verkleinern (- oder Mausrad)</translation>
    </message>
    <message>
        <source>Map as PNG…</source>
        <translation>Karte als PNG…</translation>
    </message>
    <message>
        <source>Devices as CSV…</source>
        <translation>Geräte als CSV…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save the whole map as PNG, or every device on it as CSV</source>
        <translation>Die ganze Karte als PNG oder alle Geräte darauf als CSV speichern</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Färben nach</translation>
    </message>
    <message>
        <source>Label selector not used: %1</source>
        <translation>Label-Selektor nicht verwendet: %1</translation>
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
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Specula::Views::TopologyMapView</name>
    <message>
        <source>Wheel or +/- to zoom, drag to pan, 0 to fit; click a GPU, MIG slice or VF to select it</source>
        <translation>Mausrad oder +/- zum Zoomen, Ziehen zum Verschieben, 0 zum Einpassen; Klick auf eine GPU, einen MIG-Slice oder eine VF wählt sie aus</translation>
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
    <name>Specula::Views::VfAllocationChart</name>
    <message>
        <source>No SR-IOV capable NICs in this cluster</source>
        <translation>Keine SR-IOV-fähigen NICs in diesem Cluster</translation>
    </message>
</context>
<context>
    <name>Specula::Views::VfTrafficPanel</name>
    <message>
        <source>VF traffic</source>
        <translation>VF-Datenverkehr</translation>
    </message>
    <message>
        <source>Select a VF to chart its receive and transmit rates, or a PF to chart its VFs&apos;.</source>
        <translation>Wählen Sie eine VF, um ihre Empfangs- und Senderaten zu sehen, oder eine PF für die ihrer VFs.</translation>
    </message>
    <message>
        <source>the VFs of PF %1 on %2</source>
        <translation>die VFs der PF %1 auf %2</translation>
    </message>
    <message>
        <source>VF %1 on %2</source>
        <translation>VF %1 auf %2</translation>
    </message>
    <message>
        <source>Traffic of %1</source>
        <translation>Datenverkehr von %1</translation>
    </message>
    <message>
        <source>This PF has no VFs.</source>
        <translation>Diese PF hat keine VFs.</translation>
    </message>
    <message>
        <source>No Prometheus is connected, so there is no VF traffic to show.</source>
        <translation>Kein Prometheus verbunden, daher gibt es keinen VF-Datenverkehr zu zeigen.</translation>
    </message>
    <message>
        <source>This Prometheus has no series from the SR-IOV metrics exporter (sriov_vf_rx_bytes, sriov_vf_tx_bytes), so there is no VF traffic to show.</source>
        <translation>Dieser Prometheus hat keine Reihen des SR-IOV-Metrics-Exporters (sriov_vf_rx_bytes, sriov_vf_tx_bytes), daher gibt es keinen VF-Datenverkehr zu zeigen.</translation>
    </message>
    <message>
        <source>Loading the traffic of %1 from Prometheus…</source>
        <translation>Datenverkehr von %1 wird aus Prometheus geladen…</translation>
    </message>
    <message>
        <source>Prometheus has no traffic series for %1 in this time range.</source>
        <translation>Prometheus hat für %1 in diesem Zeitraum keine Datenverkehrsreihen.</translation>
    </message>
    <message>
        <source>The %1 busiest of %2 VFs are shown (by mean receive plus transmit rate).</source>
        <translation>Gezeigt werden die %1 meistgenutzten von %2 VFs (nach mittlerer Empfangs- plus Senderate).</translation>
    </message>
    <message>
        <source>Could not load the traffic of %1: %2</source>
        <translation>Datenverkehr von %1 konnte nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>Specula::Views::ViewStateBar</name>
    <message>
        <source>The time range the charts and heatmaps show</source>
        <translation>Der Zeitraum, den Diagramme und Heatmaps zeigen</translation>
    </message>
    <message>
        <source>Last %1</source>
        <translation>Letzte %1</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>How often the live data is fetched again</source>
        <translation>Wie oft die Live-Daten neu abgerufen werden</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>Alle %1</translation>
    </message>
    <message>
        <source>Show only the pods of one namespace, and what they hold</source>
        <translation>Nur die Pods eines Namespace zeigen und was sie belegen</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Refresh:</source>
        <translation>Aktualisierung:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the metrics again now (Ctrl+R)</source>
        <translation>Die Metriken jetzt neu abrufen (Strg+R)</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namespaces</translation>
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
