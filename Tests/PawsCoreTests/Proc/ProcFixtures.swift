/// Real-format `/proc` texts for the parser tests, embedded so the test target needs no resources.
enum ProcFixtures {
    /// `/proc/net/netstat` of the build machine (Linux 6.18, Debian 12): no PAWSPassive, with MPTcpExt.
    static let debian12Netstat = #"""
TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts PruneCalled RcvPruned OfoPruned OutOfWindowIcmps LockDroppedIcmps ArpFilter TW TWRecycled TWKilled PAWSActive PAWSEstab BeyondWindow TSEcrRejected PAWSOldAck PAWSTimewait DelayedACKs DelayedACKLocked DelayedACKLost ListenOverflows ListenDrops TCPHPHits TCPPureAcks TCPHPAcks TCPRenoRecovery TCPSackRecovery TCPSACKReneging TCPSACKReorder TCPRenoReorder TCPTSReorder TCPFullUndo TCPPartialUndo TCPDSACKUndo TCPLossUndo TCPLostRetransmit TCPRenoFailures TCPSackFailures TCPLossFailures TCPFastRetrans TCPSlowStartRetrans TCPTimeouts TCPLossProbes TCPLossProbeRecovery TCPRenoRecoveryFail TCPSackRecoveryFail TCPRcvCollapsed TCPBacklogCoalesce TCPDSACKOldSent TCPDSACKOfoSent TCPDSACKRecv TCPDSACKOfoRecv TCPAbortOnData TCPAbortOnClose TCPAbortOnMemory TCPAbortOnTimeout TCPAbortOnLinger TCPAbortFailed TCPMemoryPressures TCPMemoryPressuresChrono TCPSACKDiscard TCPDSACKIgnoredOld TCPDSACKIgnoredNoUndo TCPSpuriousRTOs TCPMD5NotFound TCPMD5Unexpected TCPMD5Failure TCPSackShifted TCPSackMerged TCPSackShiftFallback TCPBacklogDrop PFMemallocDrop TCPMinTTLDrop TCPDeferAcceptDrop IPReversePathFilter TCPTimeWaitOverflow TCPReqQFullDoCookies TCPReqQFullDrop TCPRetransFail TCPRcvCoalesce TCPOFOQueue TCPOFODrop TCPOFOMerge TCPChallengeACK TCPSYNChallenge TCPFastOpenActive TCPFastOpenActiveFail TCPFastOpenPassive TCPFastOpenPassiveFail TCPFastOpenListenOverflow TCPFastOpenCookieReqd TCPFastOpenBlackhole TCPSpuriousRtxHostQueues BusyPollRxPackets TCPAutoCorking TCPFromZeroWindowAdv TCPToZeroWindowAdv TCPWantZeroWindowAdv TCPSynRetrans TCPOrigDataSent TCPHystartTrainDetect TCPHystartTrainCwnd TCPHystartDelayDetect TCPHystartDelayCwnd TCPACKSkippedSynRecv TCPACKSkippedPAWS TCPACKSkippedSeq TCPACKSkippedFinWait2 TCPACKSkippedTimeWait TCPACKSkippedChallenge TCPWinProbe TCPKeepAlive TCPMTUPFail TCPMTUPSuccess TCPDelivered TCPDeliveredCE TCPAckCompressed TCPZeroWindowDrop TCPRcvQDrop TCPWqueueTooBig TCPFastOpenPassiveAltKey TcpTimeoutRehash TcpDuplicateDataRehash TCPDSACKRecvSegs TCPDSACKIgnoredDubious TCPMigrateReqSuccess TCPMigrateReqFailure TCPPLBRehash TCPAORequired TCPAOBad TCPAOKeyNotFound TCPAOGood TCPAODroppedIcmps
TcpExt: 0 0 0 0 0 0 0 0 0 0 20 0 0 0 0 0 0 0 0 0 0 0 0 0 4 34 6 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 213 0 0 0 0 0 0 0 0 0 0 0 0 2 0 0 28 28 1 0 57 0 0 0 0 0 0 0 0 0 0 0 0 0 0 77 0 0 0 0 0 0 2 0 0 0 0 0 0 0 0 0 0 0
IpExt: InNoRoutes InTruncatedPkts InMcastPkts OutMcastPkts InBcastPkts OutBcastPkts InOctets OutOctets InMcastOctets OutMcastOctets InBcastOctets OutBcastOctets InCsumErrors InNoECTPkts InECT1Pkts InECT0Pkts InCEPkts ReasmOverlaps
IpExt: 0 0 0 0 0 0 13036206 21011 0 0 0 0 0 389 0 0 0 0
MPTcpExt: MPCapableSYNRX MPCapableSYNTX MPCapableSYNACKRX MPCapableACKRX MPCapableFallbackACK MPCapableFallbackSYNACK MPCapableSYNTXDrop MPCapableSYNTXDisabled MPCapableEndpAttempt MPFallbackTokenInit MPTCPRetrans MPJoinNoTokenFound MPJoinSynRx MPJoinSynBackupRx MPJoinSynAckRx MPJoinSynAckBackupRx MPJoinSynAckHMacFailure MPJoinAckRx MPJoinAckHMacFailure MPJoinRejected MPJoinSynTx MPJoinSynTxCreatSkErr MPJoinSynTxBindErr MPJoinSynTxConnectErr DSSNotMatching DSSCorruptionFallback DSSCorruptionReset InfiniteMapTx InfiniteMapRx DSSNoMatchTCP DataCsumErr OFOQueueTail OFOQueue OFOMerge NoDSSInWindow DuplicateData AddAddr AddAddrTx AddAddrTxDrop EchoAdd EchoAddTx EchoAddTxDrop PortAdd AddAddrDrop MPJoinPortSynRx MPJoinPortSynAckRx MPJoinPortAckRx MismatchPortSynRx MismatchPortAckRx RmAddr RmAddrDrop RmAddrTx RmAddrTxDrop RmSubflow MPPrioTx MPPrioRx MPFailTx MPFailRx MPFastcloseTx MPFastcloseRx MPRstTx MPRstRx SubflowStale SubflowRecover SndWndShared RcvWndShared RcvWndConflictUpdate RcvWndConflict MPCurrEstab Blackhole MPCapableDataFallback MD5SigFallback DssFallback SimultConnectFallback FallbackFailed WinProbe
MPTcpExt: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
"""#

    /// `/proc/net/snmp` of the same machine; `Tcp: MaxConn` is -1.
    static let debian12Snmp = #"""
Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails FragCreates OutTransmits
Ip: 2 64 389 0 0 0 0 0 389 286 0 0 0 0 0 0 0 0 0 286
Icmp: InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds InParmProbs InSrcQuenchs InRedirects InEchos InEchoReps InTimestamps InTimestampReps InAddrMasks InAddrMaskReps OutMsgs OutErrors OutRateLimitGlobal OutRateLimitHost OutDestUnreachs OutTimeExcds OutParmProbs OutSrcQuenchs OutRedirects OutEchos OutEchoReps OutTimestamps OutTimestampReps OutAddrMasks OutAddrMaskReps
Icmp: 1 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
IcmpMsg: InType3
IcmpMsg: 1
Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors
Tcp: 1 200 120000 -1 21 12 0 0 0 379 277 0 0 0 0
Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
Udp: 21 0 0 22 0 0 0 0 0
UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
UdpLite: 0 0 0 0 0 0 0 0 0
"""#

    /// Reconstructed in the format of a RHEL 7 (3.10) server hit by tw_recycle: the column list of
    /// Linux 3.10's `snmp4_net_list`, illustrative values with PAWSPassive = ListenDrops = 173495.
    static let rhel7NetstatFirst = #"""
TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts PruneCalled RcvPruned OfoPruned OutOfWindowIcmps LockDroppedIcmps ArpFilter TW TWRecycled TWKilled PAWSPassive PAWSActive PAWSEstab DelayedACKs DelayedACKLocked DelayedACKLost ListenOverflows ListenDrops TCPPrequeued TCPDirectCopyFromBacklog TCPDirectCopyFromPrequeue TCPPrequeueDropped TCPHPHits TCPHPHitsToUser TCPPureAcks TCPHPAcks TCPRenoRecovery TCPSackRecovery TCPSACKReneging TCPFACKReorder TCPSACKReorder TCPRenoReorder TCPTSReorder TCPFullUndo TCPPartialUndo TCPDSACKUndo TCPLossUndo TCPLostRetransmit TCPRenoFailures TCPSackFailures TCPLossFailures TCPFastRetrans TCPForwardRetrans TCPSlowStartRetrans TCPTimeouts TCPLossProbes TCPLossProbeRecovery TCPRenoRecoveryFail TCPSackRecoveryFail TCPSchedulerFailed TCPRcvCollapsed TCPDSACKOldSent TCPDSACKOfoSent TCPDSACKRecv TCPDSACKOfoRecv TCPAbortOnData TCPAbortOnClose TCPAbortOnMemory TCPAbortOnTimeout TCPAbortOnLinger TCPAbortFailed TCPMemoryPressures TCPSACKDiscard TCPDSACKIgnoredOld TCPDSACKIgnoredNoUndo TCPSpuriousRTOs TCPMD5NotFound TCPMD5Unexpected TCPSackShifted TCPSackMerged TCPSackShiftFallback TCPBacklogDrop TCPMinTTLDrop TCPDeferAcceptDrop IPReversePathFilter TCPTimeWaitOverflow TCPReqQFullDoCookies TCPReqQFullDrop TCPRetransFail TCPRcvCoalesce TCPOFOQueue TCPOFODrop TCPOFOMerge TCPChallengeACK TCPSYNChallenge TCPFastOpenActive TCPFastOpenPassive TCPFastOpenPassiveFail TCPFastOpenListenOverflow TCPFastOpenCookieReqd
TcpExt: 0 9723233 49082935 0 308 0 744 0 84642177 77458446 48122317 2911 0 173495 0 1203 0 8428393 0 0 173495 0 0 0 0 38647352 15847520 0 1246 0 0 47001147 4069 0 0 41555798 3651 2843 22556071 0 0 2029 0 53908779 2277 4508 0 0 0 65091595 0 34 49561375 0 0 3741 3261 849 0 0 45642228 0 20303435 48803897 0 0 0 0 3999 0 0 0 0 0 3630581 0 0 0 72688908 0 1599 26833537 0 229 25991584 0 0 837 0 83761773 0 0 3183
IpExt: InNoRoutes InTruncatedPkts InMcastPkts OutMcastPkts InBcastPkts OutBcastPkts InOctets OutOctets InMcastOctets OutMcastOctets InBcastOctets OutBcastOctets InCsumErrors InNoECTPkts InECT1Pkts InECT0Pkts InCEPkts
IpExt: 0 0 0 0 1841 0 918273645501 1204995317720 0 0 220931 0 0 1533112907 0 0 0
"""#

    /// The same server 60 s later: PAWSPassive and ListenDrops both grew by 407, ListenOverflows stayed 0.
    static let rhel7NetstatSecond = #"""
TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts PruneCalled RcvPruned OfoPruned OutOfWindowIcmps LockDroppedIcmps ArpFilter TW TWRecycled TWKilled PAWSPassive PAWSActive PAWSEstab DelayedACKs DelayedACKLocked DelayedACKLost ListenOverflows ListenDrops TCPPrequeued TCPDirectCopyFromBacklog TCPDirectCopyFromPrequeue TCPPrequeueDropped TCPHPHits TCPHPHitsToUser TCPPureAcks TCPHPAcks TCPRenoRecovery TCPSackRecovery TCPSACKReneging TCPFACKReorder TCPSACKReorder TCPRenoReorder TCPTSReorder TCPFullUndo TCPPartialUndo TCPDSACKUndo TCPLossUndo TCPLostRetransmit TCPRenoFailures TCPSackFailures TCPLossFailures TCPFastRetrans TCPForwardRetrans TCPSlowStartRetrans TCPTimeouts TCPLossProbes TCPLossProbeRecovery TCPRenoRecoveryFail TCPSackRecoveryFail TCPSchedulerFailed TCPRcvCollapsed TCPDSACKOldSent TCPDSACKOfoSent TCPDSACKRecv TCPDSACKOfoRecv TCPAbortOnData TCPAbortOnClose TCPAbortOnMemory TCPAbortOnTimeout TCPAbortOnLinger TCPAbortFailed TCPMemoryPressures TCPSACKDiscard TCPDSACKIgnoredOld TCPDSACKIgnoredNoUndo TCPSpuriousRTOs TCPMD5NotFound TCPMD5Unexpected TCPSackShifted TCPSackMerged TCPSackShiftFallback TCPBacklogDrop TCPMinTTLDrop TCPDeferAcceptDrop IPReversePathFilter TCPTimeWaitOverflow TCPReqQFullDoCookies TCPReqQFullDrop TCPRetransFail TCPRcvCoalesce TCPOFOQueue TCPOFODrop TCPOFOMerge TCPChallengeACK TCPSYNChallenge TCPFastOpenActive TCPFastOpenPassive TCPFastOpenPassiveFail TCPFastOpenListenOverflow TCPFastOpenCookieReqd
TcpExt: 0 9724695 49086489 0 308 0 744 0 84644900 77459156 48131877 6705 0 173902 0 1898 0 8429694 0 0 173902 0 0 0 0 38648392 15847745 0 2484 0 0 47005986 7881 0 0 41556995 8532 6728 22558941 0 0 3306 0 53913273 6768 5581 0 0 0 65091770 0 34 49561491 0 0 4582 7574 849 0 0 45643368 0 20306988 48805492 0 0 0 0 5727 0 0 0 0 0 3630810 0 0 0 72690971 0 3342 26835936 0 229 25995689 0 0 837 0 83763743 0 0 7987
IpExt: InNoRoutes InTruncatedPkts InMcastPkts OutMcastPkts InBcastPkts OutBcastPkts InOctets OutOctets InMcastOctets OutMcastOctets InBcastOctets OutBcastOctets InCsumErrors InNoECTPkts InECT1Pkts InECT0Pkts InCEPkts
IpExt: 0 0 0 0 1843 0 918279981230 1205001125512 0 0 221187 0 0 1533131554 0 0 0
"""#

    /// `/proc/net/tcp` captured here (little-endian x86-64): listeners on 127.0.0.1:4000 and 0.0.0.0:2024,
    /// three clients of 127.0.0.1:4000 from 127.0.0.1 and 127.0.0.2 (twice), and TIME_WAIT remnants of an earlier run.
    static let loopbackTCP = #"""
  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     
   0: 0100007F:0FA0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 16439 1 00000000a4484ae6 100 0 0 10 0                     
   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1065 1 00000000f3573950 100 0 0 10 0                      
   2: 0200007F:9C97 0100007F:0FA0 01 00000000:00000000 00:00000000 00000000     0        0 16443 2 00000000263fd914 20 0 0 10 -1                     
   3: 0200007F:A2A3 0100007F:0FA0 06 00000000:00000000 03:0000140E 00000000     0        0 0 3 00000000f7171e41                                      
   4: 0200007F:B975 0100007F:0FA0 01 00000000:00000000 00:00000000 00000000     0        0 16444 2 00000000d297975a 20 0 0 10 -1                     
   5: 0200007F:DEF7 0100007F:0FA0 06 00000000:00000000 03:0000140E 00000000     0        0 0 3 00000000821849d3                                      
   6: 0100007F:DB4C 0100007F:0FA0 01 00000000:00000000 00:00000000 00000000     0        0 16442 2 00000000158e2c7f 20 0 0 10 -1                     
   7: 0100007F:EC3A 0100007F:0FA0 06 00000000:00000000 03:0000140E 00000000     0        0 0 3 000000002316774b                                      
   8: 0300007F:9DDF 0100007F:0FA2 06 00000000:00000000 03:0000140E 00000000     0        0 0 3 000000004698c4d5                                      
   9: 0300007F:EA2B 0100007F:0FA2 01 00000000:00000000 00:00000000 00000000     0        0 16446 2 000000005b7b15f6 20 0 0 10 -1                     
  10: 0100007F:0FA0 0200007F:9C97 01 00000000:00000000 00:00000000 00000000     0        0 16448 1 00000000e2b938eb 20 0 0 10 -1                     
  11: 0100007F:0FA0 0200007F:B975 01 00000000:00000000 00:00000000 00000000     0        0 16449 1 000000002c2d2dc9 20 0 0 10 -1                     
  12: 0100007F:0FA0 0100007F:DB4C 01 00000000:00000000 00:00000000 00000000     0        0 16447 1 00000000cf84409b 20 0 0 10 -1                     
"""#

    /// `/proc/net/tcp6` captured at the same time: a listener on [::1]:4001 with one client, and a
    /// dual-stack listener on [::]:4002 with an IPv4 client 127.0.0.3 (shown as ::ffff:127.0.0.3).
    static let loopbackTCP6 = #"""
  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:0FA1 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 16440 1 00000000fa64dc9f 100 0 0 10 0
   1: 00000000000000000000000000000000:0FA2 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 16441 1 0000000014b0dcf6 100 0 0 10 0
   2: 00000000000000000000000001000000:0FA1 00000000000000000000000001000000:AD42 01 00000000:00000000 00:00000000 00000000     0        0 16451 1 000000004ab4a584 20 0 0 10 -1
   3: 0000000000000000FFFF00000100007F:0FA2 0000000000000000FFFF00000300007F:EA2B 01 00000000:00000000 00:00000000 00000000     0        0 16453 1 000000000ea87e05 20 0 0 10 -1
   4: 00000000000000000000000001000000:AD42 00000000000000000000000001000000:0FA1 01 00000000:00000000 00:00000000 00000000     0        0 16445 2 00000000c491f20d 20 0 0 10 -1
   5: 00000000000000000000000001000000:C5F8 00000000000000000000000001000000:0FA1 06 00000000:00000000 03:0000140E 00000000     0        0 0 3 0000000054bec258
"""#
}
