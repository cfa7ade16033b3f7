"""Shares of a perf profile by stage of the TAXII exchange (docs/intelligence.md, "Benchmark").

Usage: python3 stages.py OUTDIR/pull.txt [N]   (perf script output of profile-exchange.sh; N: top leaf symbols per stage)
Each sample goes to the stage of the innermost JSMS (or framework) frame of its stack that matches a pattern below.
SQLite and libc are built without frame pointers: their samples cannot be followed to a caller and are counted by library.
"""
import sys, re, collections
P = [
 ("import: BulkInsert rows (sqlite/COPY)", r"BulkInsert\+NativeSqlite::Insert|BulkInsert\+PostgresCopy"),
 ("import: BulkInsert other", r"BulkInsert::InsertAsync|BulkInsert\+<InsertAsync>"),
 ("audit: chain+hash", r"AuditTrail::Chain|AuditTrail::ComputeHash"),
 ("audit: EntryFor", r"AuditTrail::EntryFor"),
 ("import: Mark", r"StixImporter::Mark|StixImporter::WriteExtensions|StixImporter::WriteMarkingRefs"),
 ("import: Check", r"StixImporter::Check"),
 ("import: resolve marking", r"ResolveMarkingAsync"),
 ("import: MarkNew", r"ReleaseMarkings::MarkNew"),
 ("import: parse (BundleReader)", r"BundleReader"),
 ("import: existing lookup (EF)", r"StoreBatchAsync"),  # remaining in StoreBatch: EF query etc
 ("import: WriteInBulk (head query, commit)", r"WriteInBulkAsync|HoldAuditLock"),
 ("import: other (ImportAsync: max query, final save)", r"StixImporter\+<ImportAsync>|StixImporter::ImportAsync"),
 ("serve: page query (EF+sqlite)", r"StixQueries"),
 ("serve: read audit", r"WriteAuditInBulk"),
 ("serve: JSON write", r"TaxiiJson"),
 ("serve: negotiate/caller", r"TaxiiEndpoints::Negotiate|TaxiiEndpoints\+<Negotiate>|Caller::LoadAsync"),
 ("serve: PageAsync other", r"TaxiiEndpoints"),
 ("auth", r"TokenAuthentication|Authentication"),
 ("pull: fetch/envelope", r"TaxiiPuller::Envelope|TaxiiPuller\+<FetchAsync>"),
 ("pull: update mark (EF save)", r"TaxiiPuller\+<UpdateAsync>"),
 ("push: envelope", r"TaxiiPusher::Envelope|WithoutRecipients"),
 ("push: read batch (EF)", r"TaxiiPusher"),
 ("pull: other", r"TaxiiPuller"),
 ("SaveChanges other", r"SaveChangesAsync"),
 ("kestrel", r"Kestrel"),
 ("http client", r"System.Net.Http"),
 ("sockets", r"System.Net.Sockets"),
]
P = [(n, re.compile(p)) for n, p in P]
def samples(f):
    cur = None
    for line in open(f, errors="replace"):
        line = line.rstrip("\n")
        if not line:
            if cur: yield cur
            cur = None; continue
        if cur is None:
            cur = [line]
        else:
            cur.append(line.strip())
    if cur: yield cur
c = collections.Counter(); leafc = collections.defaultdict(collections.Counter); n = 0
for s in samples(sys.argv[1]):
    n += 1
    head, frames = s[0], s[1:]
    cat = None
    for fr in frames:
        for name, rx in P:
            if rx.search(fr):
                cat = name; break
        if cat: break
    if cat is None:
        if "BGC" in head or "GC" in head: cat = "GC thread"
        elif any("gc_heap" in fr or "GCHeap" in fr or "WKS::" in fr or "SVR::" in fr for fr in frames): cat = "GC (inline)"
        elif "Tiered" in head or any("TieredCompilation" in fr for fr in frames): cat = "JIT tiering"
        else:
            leaf = frames[0] if frames else "?"
            if "libe_sqlite3" in leaf: cat = "SQLite engine (caller not unwound)"
            elif "kernel" in leaf:
                syms = " ".join(frames)
                if any(k in syms for k in ("tcp", "sock", "skb", "inet", "ip_", "__sys_sendto", "recvfrom", "epoll", "net_rx")): cat = "kernel: network"
                elif any(k in syms for k in ("ext4", "filemap", "pread", "pwrite", "ksys_read", "ksys_write", "vfs_", "fsync", "jbd2", "copy_to_iter", "folio")): cat = "kernel: file I/O"
                elif any(k in syms for k in ("futex", "schedule", "sched")): cat = "kernel: scheduling/futex"
                else: cat = "kernel: other"
            elif "libc.so" in leaf:
                cat = "libc: " + ("strncmp (sqlite3_bind_parameter_index)" if "strncmp" in leaf else "mem*/malloc/other")
            elif "libcoreclr" in leaf: cat = "runtime (coreclr: GC alloc, stubs, type checks)"
            elif "libcrypto" in leaf: cat = "libcrypto (SHA-256 of audit chain etc.)"
            else: cat = "managed, caller not unwound"
    c[cat] += 1
    leaf = frames[0].split(None,1)[1] if frames and len(frames[0].split(None,1))>1 else "?"
    leaf = leaf.rsplit(" (",1)[0]
    leafc[cat][leaf[:90]] += 1
for k, v in c.most_common():
    print(f"{100*v/n:5.1f}%  {k}")
    if len(sys.argv) > 2:
        for l, lv in leafc[k].most_common(int(sys.argv[2])):
            print(f"           {100*lv/n:5.1f}%  {l}")
print(n, "samples")
