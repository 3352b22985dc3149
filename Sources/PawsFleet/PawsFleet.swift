import PawsCore
import PawsSSH
